"""The names of numpy.testing Autograd Lab offers (lang/numpy_testing.py); kept apart so that
allowed_imports (read by the page's side) does not import numpy's or torch's modules."""

NUMPY_TESTING_NAMES = ("assert_equal", "assert_array_equal", "assert_allclose", "assert_almost_equal",
                       "assert_array_almost_equal", "assert_array_less", "assert_string_equal",
                       "assert_array_max_ulp", "assert_array_almost_equal_nulp")
