"""Attention as people use it (issue 26): numpy arrays and torch tensors, batch and head dimensions,
float32 and float64, causal and masked attention against PyTorch's ``scaled_dot_product_attention``,
the polynomial path's proved bound with rounding in the dtype used, and bad input."""

import math

import numpy as np
import pytest

import symrep
from symrep.attention.dispatch import attend, attend_tensor, plan_attention
from symrep.attention.exact import exact_attention
from symrep.errors import InputError, LimitError

torch = pytest.importorskip("torch")  # CI installs the CPU build ('.[test]')
SDPA = torch.nn.functional.scaled_dot_product_attention
DTYPES = {"float64": (torch.float64, 1e-12), "float32": (torch.float32, 2e-6)}  # exact-path tolerances vs SDPA


def _tensors(seed, shapes, dtype=torch.float64, bound=0.5):
    g = torch.Generator().manual_seed(seed)
    return [(torch.rand(shape, generator=g, dtype=torch.float64) * 2 - 1).mul(bound).to(dtype) for shape in shapes]


def _error(out, reference, V):
    out, reference, V = (torch.as_tensor(a).double() for a in (out, reference, V))
    return float((out - reference).abs().max() / V.abs().max())


# --- the exact path against SDPA -----------------------------------------------------------------

@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("kind", ["torch", "numpy"])
@pytest.mark.parametrize("shapes", [
    [(37, 8), (29, 8), (29, 5)],                              # plain matrices, n != m
    [(2, 3, 40, 16), (2, 3, 33, 16), (2, 3, 33, 16)],         # batch and heads
    [(2, 3, 40, 16), (1, 3, 33, 16), (2, 1, 33, 7)],          # broadcast as in PyTorch
    [(4, 20, 8), (20, 8), (20, 8)],                           # K, V shared by the batch
])
def test_exact_path_matches_sdpa(dtype, kind, shapes):
    torch_dtype, tolerance = DTYPES[dtype]
    Q, K, V = _tensors(1, shapes, torch_dtype, bound=2.0)
    reference = SDPA(Q.double(), K.double(), V.double())
    inputs = (Q, K, V) if kind == "torch" else (Q.numpy(), K.numpy(), V.numpy())
    out, report = attend(*inputs, method="exact", report=True)
    assert report.method == "exact" and report.dtype == dtype
    if kind == "torch":
        assert isinstance(out, torch.Tensor) and out.dtype == torch_dtype and out.device == Q.device
    else:
        assert isinstance(out, np.ndarray) and out.dtype == np.dtype(dtype)
        out = torch.from_numpy(out)
    assert tuple(out.shape) == tuple(reference.shape)
    assert _error(out, reference, V) <= tolerance


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("kind", ["torch", "numpy"])
@pytest.mark.parametrize("n, m", [(40, 40), (50, 30), (30, 50), (600, 600)])
def test_causal_exact_matches_sdpa(dtype, kind, n, m):
    torch_dtype, tolerance = DTYPES[dtype]
    Q, K, V = _tensors(2, [(2, n, 8), (2, m, 8), (2, m, 6)], torch_dtype, bound=3.0)
    reference = SDPA(Q.double(), K.double(), V.double(), is_causal=True)
    inputs = (Q, K, V) if kind == "torch" else (Q.numpy(), K.numpy(), V.numpy())
    out = attend(*inputs, is_causal=True, method="exact")
    assert _error(torch.as_tensor(out), reference, V) <= tolerance


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("kind", ["torch", "numpy"])
@pytest.mark.parametrize("mask_kind", ["bool", "float"])
def test_masked_exact_matches_sdpa(dtype, kind, mask_kind):
    torch_dtype, tolerance = DTYPES[dtype]
    Q, K, V = _tensors(3, [(2, 3, 24, 8), (2, 3, 5000, 8), (2, 3, 5000, 4)], torch_dtype, bound=1.0)
    g = torch.Generator().manual_seed(4)
    if mask_kind == "bool":
        mask = torch.rand((3, 24, 5000), generator=g) > 0.4   # broadcast over the batch
        mask[1, 7] = False                                     # a row that sees no key: 0, as PyTorch
        reference = SDPA(Q.double(), K.double(), V.double(), attn_mask=mask)
    else:
        mask = (torch.randn((24, 5000), generator=g, dtype=torch.float64) * 3).to(torch_dtype)
        mask[3, ::2] = -math.inf
        mask[5] = -math.inf
        reference = SDPA(Q.double(), K.double(), V.double(), attn_mask=mask.double())
    inputs = (Q, K, V, mask) if kind == "torch" else (Q.numpy(), K.numpy(), V.numpy(), mask.numpy())
    out, report = attend(*inputs[:3], attn_mask=inputs[3], report=True)
    assert report.method == "exact" and "attn_mask" in report.reason
    assert _error(torch.as_tensor(out), reference, V) <= 4 * tolerance
    row = (1, 1, 7) if mask_kind == "bool" else (0, 0, 5)
    assert float(torch.as_tensor(out)[row].abs().max()) == 0.0


def test_large_logits_with_a_float_mask_stay_finite():
    Q, K, V = (a.numpy() for a in _tensors(5, [(16, 4), (16, 4), (16, 3)], bound=30.0))
    mask = np.zeros((16, 16))
    mask[:, 0] = 500.0
    out = attend(Q, K, V, attn_mask=mask)
    assert np.all(np.isfinite(out))


def test_scale_defaults_to_one_over_sqrt_d_as_in_pytorch():
    Q, K, V = _tensors(6, [(30, 9), (20, 9), (20, 4)], bound=1.0)
    assert _error(attend(Q, K, V), SDPA(Q, K, V), V) <= 1e-12
    assert _error(attend(Q.numpy(), K.numpy(), V.numpy(), scale=0.7), SDPA(Q, K, V, scale=0.7), V) <= 1e-12
    assert plan_attention(16384, 9, bound=1.0).logit_bound == pytest.approx(9 / 3, rel=1e-9)


# --- the polynomial path ---------------------------------------------------------------------------

@pytest.mark.parametrize("dtype, eps", [("float64", 1e-6), ("float32", 1e-2)])
@pytest.mark.parametrize("kind", ["torch", "numpy"])
@pytest.mark.parametrize("causal", [False, True])
def test_polynomial_path_within_its_bound_rounding_included(dtype, eps, kind, causal):
    torch_dtype = DTYPES[dtype][0]
    Q, K, V = _tensors(7, [(2, 2, 700, 4), (2, 2, 600, 4), (1, 2, 600, 3)], torch_dtype, bound=0.6)
    reference = SDPA(Q.double(), K.double(), V.double(), is_causal=causal)
    inputs = (Q, K, V) if kind == "torch" else (Q.numpy(), K.numpy(), V.numpy())
    out, report = attend(*inputs, eps=eps, method="polynomial", is_causal=causal, report=True)
    assert report.method == "polynomial" and report.dtype == dtype
    assert report.error_bound <= eps
    assert report.error_bound >= report.approximation_bound + report.rounding_bound
    assert report.rounding_bound > (1e-5 if dtype == "float32" else 0)
    if kind == "torch":
        assert isinstance(out, torch.Tensor) and out.dtype == torch_dtype
    else:
        assert out.dtype == np.dtype(dtype)
    assert _error(torch.as_tensor(out), reference, V) <= report.error_bound


def test_causal_polynomial_is_the_prefix_sum_recurrence_across_chunks():
    """n = 1000 spans four chunks of 256 rows; every row is checked against the causal reference."""
    Q, K, V = _tensors(8, [(1000, 3), (900, 3), (900, 2)], bound=0.5)
    out, report = attend(Q, K, V, eps=1e-9, method="polynomial", is_causal=True, report=True)
    reference = SDPA(Q, K, V, is_causal=True)
    assert _error(out, reference, V) <= report.error_bound <= 1e-9
    assert _error(out[:1], V[:1], V) <= report.error_bound  # row 0 sees key 0 only


def test_float32_rounding_bound_is_stated_and_decides_auto():
    Q, K, V = _tensors(9, [(8192, 4), (8192, 4), (8192, 4)], torch.float32, bound=0.5)
    _, report = attend(Q, K, V, eps=1e-6, report=True)  # float32 rounding alone exceeds 1e-6
    assert report.method == "exact" and "float32 rounding" in report.reason
    with pytest.raises(LimitError, match="float32 rounding"):
        attend(Q, K, V, eps=1e-6, method="polynomial")
    out, report = attend(Q, K, V, eps=1e-2, report=True)
    assert report.method == "polynomial" and out.dtype == torch.float32
    assert "float32 rounding" in str(report) and report.rounding_bound < 1e-3
    assert _error(out, SDPA(Q.double(), K.double(), V.double()), V) <= report.error_bound
    plan32, plan64 = (plan_attention(8192, 4, bound=0.5, eps=1e-2, dtype=t) for t in ("float32", "float64"))
    assert plan32.rounding_bound > 1e6 * plan64.rounding_bound


def test_tf32_products_are_bounded_as_tf32():
    """float32 GEMMs that PyTorch runs in TF32 round with u = 2^-11: the bound must use that."""
    Q, K, V = _tensors(16, [(4096, 4), (4096, 4), (4096, 4)], torch.float32)
    before = torch.get_float32_matmul_precision()
    try:
        torch.set_float32_matmul_precision("high")
        with pytest.raises(LimitError, match="tf32"):
            attend(Q, K, V, eps=1e-2, method="polynomial")
        _, report = attend(Q, K, V, eps=1e-2, report=True)
        assert report.method == "exact"
    finally:
        torch.set_float32_matmul_precision(before)
    assert attend(Q, K, V, eps=1e-2, method="polynomial", report=True)[1].dtype == "float32"


def test_auto_on_torch_uses_sdpa_for_exact_and_keeps_autograd():
    Q, K, V = _tensors(10, [(2, 64, 16), (2, 64, 16), (2, 64, 16)], bound=1.0)
    Q.requires_grad_(True)
    out, report = attend(Q, K, V, report=True)
    assert report.method == "exact"
    out.sum().backward()
    assert Q.grad is not None and Q.grad.shape == Q.shape


def test_polynomial_path_in_torch_ops_when_gradients_are_tracked():
    """With requires_grad the polynomial path runs in torch (as on CUDA), and gradients flow through it."""
    Q, K, V = _tensors(17, [(2, 300, 4), (2, 300, 4), (2, 300, 3)], bound=0.5)
    V.requires_grad_(True)
    out, report = attend(Q, K, V, eps=1e-6, method="polynomial", is_causal=True, report=True)
    assert out.requires_grad and _error(out.detach(), SDPA(Q, K, V.detach(), is_causal=True), V.detach()) <= report.error_bound
    out.sum().backward()
    assert V.grad is not None and V.grad.shape == V.shape


def test_half_precision_goes_to_sdpa():
    Q, K, V = _tensors(11, [(8, 8), (8, 8), (8, 8)], torch.bfloat16)
    out, report = attend(Q, K, V, report=True)
    assert out.dtype == torch.bfloat16 and report.method == "exact"
    with pytest.raises(InputError, match="float32 or float64"):
        attend(Q, K, V, method="polynomial")


@pytest.mark.skipif(not torch.cuda.is_available(), reason="no CUDA device on this machine")
def test_cuda_tensors_stay_on_the_device():
    Q, K, V = (t.cuda() for t in _tensors(12, [(2, 512, 4), (2, 512, 4), (2, 512, 4)], torch.float32))
    for method, eps in (("exact", 1e-6), ("polynomial", 1e-2)):
        out = attend(Q, K, V, eps=eps, method=method, is_causal=True)
        assert out.device == Q.device and out.dtype == torch.float32


# --- tensor attention --------------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", DTYPES)
def test_tensor_attention_takes_torch_batches_and_float32(dtype):
    torch_dtype = DTYPES[dtype][0]
    Q, K1, K2, V1, V2 = _tensors(13, [(2, 30, 3), (30, 3), (2, 30, 3), (30, 3), (1, 30, 3)], torch_dtype, bound=0.5)
    exact = attend_tensor(Q, [K1, K2], [V1, V2], method="exact")
    assert isinstance(exact, torch.Tensor) and exact.dtype == torch_dtype and exact.shape == (2, 30, 3)
    numpy_exact = attend_tensor(Q.numpy(), [K1.numpy(), K2.numpy()], [V1.numpy(), V2.numpy()], method="exact")
    assert numpy_exact.dtype == np.dtype(dtype)
    for b in range(2):
        expected = attend_tensor(Q[b].double().numpy(), [K1.double().numpy(), K2[b].double().numpy()],
                                 [V1.double().numpy(), V2[0].double().numpy()], method="exact")
        assert np.abs(exact[b].double().numpy() - expected).max() <= DTYPES[dtype][1] * 10
    eps = 1e-6 if dtype == "float64" else 1e-2
    fast, report = attend_tensor(Q, [K1, K2], [V1, V2], eps=eps, method="polynomial", report=True)
    assert fast.dtype == torch_dtype and report.error_bound <= eps
    scale_of_values = float(V1.abs().max() * V2.abs().max())
    assert float((fast.double() - exact.double()).abs().max()) / scale_of_values <= report.error_bound + 1e-6


# --- bad input -----------------------------------------------------------------------------------------

def _np(*shapes, dtype=np.float64):
    rng = np.random.default_rng(0)
    return [rng.uniform(-1, 1, shape).astype(dtype) for shape in shapes]


@pytest.mark.parametrize("call, error, message", [
    (lambda: attend(*_np((5, 4), (6, 3), (6, 2))), InputError, r"K has 3 columns, expected 4 .*Q \(5, 4\), K \(6, 3\)"),
    (lambda: attend(*_np((5, 4), (6, 4), (7, 2))), InputError, r"V has 7 rows, expected 6 .*K \(6, 4\), V \(7, 2\)"),
    (lambda: attend(*_np((2, 5, 4), (3, 6, 4), (3, 6, 2))), InputError, r"batch dimensions .* do not broadcast: Q \(2, 5, 4\)"),
    (lambda: attend(*_np((5, 4), (6, 4), (6, 2)), attn_mask=np.ones((5, 5), bool)), InputError,
     r"attn_mask of shape \(5, 5\) does not broadcast to .*\(5, 6\)"),
    (lambda: attend(*_np((5, 4), (6, 4), (6, 2)), attn_mask=np.ones((3, 5, 6), bool)), InputError,
     r"attn_mask of shape \(3, 5, 6\)"),
    (lambda: attend(*_np((5, 4), (6, 4), (6, 2)), attn_mask=np.ones((5, 6), np.int64)), InputError,
     "attn_mask must be bool .* got int64"),
    (lambda: attend(*_np((5, 4), (6, 4), (6, 2)), attn_mask=np.ones((5, 6), np.float32)), InputError,
     "attn_mask must be bool .* or float64 .* got float32"),
    (lambda: attend(*_np((5, 4), (6, 4), (6, 2)), attn_mask=np.full((5, 6), np.nan)), InputError, "NaN or \\+inf"),
    (lambda: attend(*_np((5, 4), (6, 4), (6, 2)), attn_mask=torch.ones(5, 6, dtype=torch.bool)), InputError,
     "attn_mask must be a numpy array"),
    (lambda: attend(*_np((5, 4), (6, 4), (6, 2)), attn_mask=np.ones((5, 6), bool), is_causal=True), InputError,
     "not both"),
    (lambda: attend(*_np((5, 4), (6, 4), (6, 2)), attn_mask=np.ones((5, 6), bool), method="polynomial"),
     InputError, "not attn_mask"),
    (lambda: attend(*_np((5, 4), (6, 4), (6, 2)), is_causal=1), InputError, "is_causal must be True or False"),
    (lambda: attend(*_np((5, 4), (6, 4), (6, 2), dtype=np.int64)), InputError,
     r"Q must have a real floating dtype .* got int64 of shape \(5, 4\)"),
    (lambda: attend(torch.ones(5, 4, dtype=torch.int32), torch.ones(6, 4), torch.ones(6, 2)), InputError,
     r"Q must have a real floating dtype .* got int32 of shape \(5, 4\)"),
    (lambda: attend(torch.ones(5, 4), torch.ones(6, 4, dtype=torch.float64), torch.ones(6, 2)), InputError,
     "one dtype, got Q float32, K float64, V float32"),
    (lambda: attend(torch.ones(5, 4), np.ones((6, 4), np.float32), torch.ones(6, 2)), InputError,
     "K must be a torch tensor like the other inputs"),
    (lambda: attend(*_np((5, 4), (6, 4)), np.full((6, 2), np.inf)), InputError, r"V has NaN or infinite entries \(shape \(6, 2\)\)"),
    (lambda: attend(torch.full((5, 4), math.nan), torch.ones(6, 4), torch.ones(6, 2)), InputError, "Q has NaN"),
    (lambda: attend(*_np((0, 4), (6, 4), (6, 2))), InputError, r"Q must be a nonempty array .* got shape \(0, 4\)"),
    (lambda: attend_tensor(*_np((5, 4)), _np((6, 4), (6, 3)), _np((6, 2), (6, 2))), InputError, "keys\\[1\\] has 3 columns"),
    (lambda: attend_tensor(*_np((5, 4)), _np((6, 4)), _np((6, 2), dtype=np.float32)), InputError, "one dtype"),
])
def test_bad_input_is_one_clear_error(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_a_plan_beyond_memory_is_a_limit_error_with_the_size():
    Q, K, V = _tensors(14, [(2, 64, 48), (2, 64, 48), (2, 64, 48)], bound=0.3)
    with pytest.raises(LimitError, match=r"rank \d+, about [\d.]+ GiB; the limit is 2 GiB"):
        attend(Q, K, V, eps=1e-12, scale=1.0, method="polynomial")


def test_nothing_changes_dtype_or_kind_silently():
    for dtype in (np.float32, np.float64):
        Q, K, V = _np((3, 2, 4), (2, 4), (2, 4), dtype=dtype)
        assert attend(Q, K, V).dtype == dtype
    assert attend([[1.0, 0.0]], [[1.0, 0.0]], [[2.0]]).dtype == np.float64  # lists are read as float64
    assert symrep.attend(*_tensors(15, [(3, 2), (3, 2), (3, 2)], torch.float32)).dtype == torch.float32


def test_exact_numpy_kernel_in_float32_is_float32():
    Q, K, V = _np((700, 32), (900, 32), (900, 8), dtype=np.float32)
    out = exact_attention(Q, K, V, 32 ** -0.5)
    assert out.dtype == np.float32
    reference = SDPA(*(torch.from_numpy(a).double() for a in (Q, K, V)))
    assert np.abs(out - reference.numpy()).max() <= 2e-6


def test_arrays_of_other_array_api_libraries_come_back_in_kind():
    """array-api-strict (the standard's reference library): read through DLPack, answered by its own asarray,
    with the input's dtype; the values are numpy's."""
    import array_api_strict as xp  # in the test extra: CI installs it (never skipped)

    from symrep import attend, attend_tensor

    rng = np.random.default_rng(3)
    arrays = [rng.standard_normal((2, 32, 4)) for _ in range(3)]
    for dtype, np_dtype in ((xp.float32, np.float32), (xp.float64, np.float64)):
        Q, K, V = (xp.asarray(a.astype(np_dtype), dtype=dtype) for a in arrays)
        out, report = attend(Q, K, V, eps=1e-3, report=True, is_causal=True)
        assert type(out) is type(Q) and out.dtype == dtype and out.shape == (2, 32, 4)
        expected = attend(*(a.astype(np_dtype) for a in arrays), eps=1e-3, is_causal=True)
        assert np.array_equal(np.from_dlpack(out), expected) and report.method in ("exact", "polynomial")
    Q, K, V = (xp.asarray(a[0]) for a in arrays)
    out = attend_tensor(Q, [K, K], [V, V], eps=1e-3)
    assert type(out) is type(Q) and out.shape == (32, 4)
    with pytest.raises(Exception, match="different array-API libraries|one kind"):
        import torch

        attend(Q, K, torch.ones(32, 4, dtype=torch.float64))
