# Source: Dive into Deep Learning (Chinese edition), chapter_preliminaries/lookup-api.md
# (d2l-ai/d2l-zh commit e6b18cce; licence: Apache-2.0 (the repository's LICENSE at that commit); https://github.com/d2l-ai/d2l-zh/blob/e6b18cce/chapter_preliminaries/lookup-api.md;
# the PyTorch tab's code cells in order, one blank line between cells).
import torch
print(dir(torch.distributions))

help(torch.ones)

torch.ones(4)
