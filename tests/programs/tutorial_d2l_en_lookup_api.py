# Source: Dive into Deep Learning (English edition), chapter_preliminaries/lookup-api.md
# (d2l-ai/d2l-en commit 23d7a5ae; licence: CC BY-SA 4.0 (text), MIT-0 (code, LICENSE-SAMPLECODE); https://github.com/d2l-ai/d2l-en/blob/23d7a5ae/chapter_preliminaries/lookup-api.md;
# the PyTorch tab's code cells in order, one blank line between cells; the first cell (%load_ext) is an
# IPython magic and left out).
import torch

print(dir(torch.distributions))

help(torch.ones)

torch.ones(4)
