"""torch.fft's functions a program may call: a table, torch-free (the static checker's import lines read
it as they read allowlist.py's and special_names.py's).

Session 36 (corpus): the torch.fft page's examples were refused as a module (18 cells). Each transform
makes one tensor whose shape follows from its input's and from `n=` / `s=` (a length to pad or cut to),
so it is sized on the meta device before the real call, as any "meta" op is (`fft(x, n=10**9)` is
refused before it pads); its work is O(N log N) in the elements it makes. fftfreq / rfftfreq make n
numbers (sized the same way, as torch.arange is); fftshift / ifftshift roll the elements they are given.
"""

from __future__ import annotations

from autogradlab.lang.allowlist import DIM, NOGRAD, _table

FFT_ONE = "fft ifft rfft irfft hfft ihfft"
FFT_MANY = "fft2 ifft2 rfft2 irfft2 hfft2 ihfft2 fftn ifftn rfftn irfftn hfftn ihfftn"

FFT_FUNCTIONS = {
    **_table(FFT_ONE, ("n", "dim", "norm")),
    **_table(FFT_MANY, ("s", "dim", "norm")),
    **_table("fftfreq rfftfreq", ("n", "d") + NOGRAD),
    **_table("fftshift ifftshift", DIM[:1], size="same"),
}
