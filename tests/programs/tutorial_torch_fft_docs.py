# Source: the examples of PyTorch's torch.fft reference (pytorch/pytorch torch/fft/__init__.py docstrings,
# BSD-3-Clause; as shipped with torch 2.13.0; https://docs.pytorch.org/docs/stable/fft.html): the `>>>`/`...`
# lines of each function's "Example:", without the printed outputs, as a student pastes them one after the
# other; one `# ---- cell N name` line before each function's example (bench/tutorial_cells.py). Nothing left
# out; torch.rand draws from the run's seeded generator, as in plain PyTorch with the same seed.
# ---- cell 1
import torch
# ---- cell 2 fft
t = torch.arange(4)
t
torch.fft.fft(t)
t = torch.tensor([0.+1.j, 2.+3.j, 4.+5.j, 6.+7.j])
torch.fft.fft(t)
# ---- cell 3 fft2
x = torch.rand(10, 10, dtype=torch.complex64)
fft2 = torch.fft.fft2(x)
two_ffts = torch.fft.fft(torch.fft.fft(x, dim=0), dim=1)
torch.testing.assert_close(fft2, two_ffts, check_stride=False)
# ---- cell 4 fftfreq
torch.fft.fftfreq(5)
torch.fft.fftfreq(4)
# ---- cell 5 fftn
x = torch.rand(10, 10, dtype=torch.complex64)
fftn = torch.fft.fftn(x)
two_ffts = torch.fft.fft(torch.fft.fft(x, dim=0), dim=1)
torch.testing.assert_close(fftn, two_ffts, check_stride=False)
# ---- cell 6 fftshift
f = torch.fft.fftfreq(4)
f
torch.fft.fftshift(f)
x = torch.fft.fftfreq(5, d=1/5) + 0.1 * torch.fft.fftfreq(5, d=1/5).unsqueeze(1)
x
torch.fft.fftshift(x)
x_centered = torch.arange(-5, 5)
x_uncentered = torch.fft.ifftshift(x_centered)
fft_uncentered = torch.fft.fft(x_uncentered)
fft_centered = torch.fft.fftshift(fft_uncentered)
x_centered_2 = torch.fft.fftshift(torch.fft.ifft(torch.fft.ifftshift(fft_centered)))
torch.testing.assert_close(x_centered.to(torch.complex64), x_centered_2, check_stride=False)
# ---- cell 7 hfft
t = torch.linspace(0, 1, 5)
t
T = torch.fft.ifft(t)
T
torch.fft.hfft(T[:3], n=5)
torch.fft.hfft(T[:3])
# ---- cell 8 ifft
t = torch.tensor([ 6.+0.j, -2.+2.j, -2.+0.j, -2.-2.j])
torch.fft.ifft(t)
# ---- cell 9 ifft2
x = torch.rand(10, 10, dtype=torch.complex64)
ifft2 = torch.fft.ifft2(x)
two_iffts = torch.fft.ifft(torch.fft.ifft(x, dim=0), dim=1)
torch.testing.assert_close(ifft2, two_iffts, check_stride=False)
# ---- cell 10 ifftn
x = torch.rand(10, 10, dtype=torch.complex64)
ifftn = torch.fft.ifftn(x)
two_iffts = torch.fft.ifft(torch.fft.ifft(x, dim=0), dim=1)
torch.testing.assert_close(ifftn, two_iffts, check_stride=False)
# ---- cell 11 ifftshift
f = torch.fft.fftfreq(5)
f
shifted = torch.fft.fftshift(f)
torch.fft.ifftshift(shifted)
# ---- cell 12 ihfft
t = torch.arange(5)
t
torch.fft.ihfft(t)
torch.fft.ifft(t)
# ---- cell 13 irfft
t = torch.linspace(0, 1, 5)
t
T = torch.fft.rfft(t)
T
torch.fft.irfft(T)
roundtrip = torch.fft.irfft(T, t.numel())
torch.testing.assert_close(roundtrip, t, check_stride=False)
# ---- cell 14 irfft2
t = torch.rand(10, 9)
T = torch.fft.rfft2(t)
torch.fft.irfft2(T).size()
roundtrip = torch.fft.irfft2(T, t.size())
roundtrip.size()
torch.testing.assert_close(roundtrip, t, check_stride=False)
# ---- cell 15 irfftn
t = torch.rand(10, 9)
T = torch.fft.rfftn(t)
torch.fft.irfftn(T).size()
roundtrip = torch.fft.irfftn(T, t.size())
roundtrip.size()
torch.testing.assert_close(roundtrip, t, check_stride=False)
# ---- cell 16 rfft
t = torch.arange(4)
t
torch.fft.rfft(t)
torch.fft.fft(t)
# ---- cell 17 rfft2
t = torch.rand(10, 10)
rfft2 = torch.fft.rfft2(t)
rfft2.size()
fft2 = torch.fft.fft2(t)
torch.testing.assert_close(fft2[..., :6], rfft2, check_stride=False)
two_ffts = torch.fft.fft(torch.fft.rfft(t, dim=1), dim=0)
torch.testing.assert_close(rfft2, two_ffts, check_stride=False)
# ---- cell 18 rfftfreq
torch.fft.rfftfreq(5)
torch.fft.rfftfreq(4)
torch.fft.fftfreq(4)
# ---- cell 19 rfftn
t = torch.rand(10, 10)
rfftn = torch.fft.rfftn(t)
rfftn.size()
fftn = torch.fft.fftn(t)
torch.testing.assert_close(fftn[..., :6], rfftn, check_stride=False)
two_ffts = torch.fft.fft(torch.fft.rfft(t, dim=1), dim=0)
torch.testing.assert_close(rfftn, two_ffts, check_stride=False)
