"""Every input and settings error: the scs package's exception types and
messages."""
import numpy as np
import pytest
import scipy.sparse as sp

import scs


def make(lp, **overrides):
    data, cone = lp
    return dict(data, **overrides), cone


# ---- settings: types ---------------------------------------------------------
BOOL_SETTINGS = ["verbose", "normalize", "adaptive_scale"]
INT_SETTINGS = ["max_iters", "acceleration_lookback", "acceleration_interval",
                "acceleration_type_1"]
FLOAT_SETTINGS = ["scale", "eps_abs", "eps_rel", "eps_infeas", "alpha",
                  "rho_x", "time_limit_secs", "acceleration_regularization",
                  "acceleration_relaxation"]
STR_SETTINGS = ["write_data_filename", "log_csv_filename"]


@pytest.mark.parametrize("name", BOOL_SETTINGS)
def test_bool_settings_need_bools(lp, name):
    data, cone = lp
    scs.SCS(data, cone, **{name: False})
    for bad in (1, 0, "yes", None, 1.0):
        with pytest.raises(TypeError, match="must be bool"):
            scs.SCS(data, cone, **{name: bad})


@pytest.mark.parametrize("name", INT_SETTINGS)
def test_int_settings_need_ints(lp, name):
    data, cone = lp
    scs.SCS(data, cone, verbose=False, **{name: 5})
    scs.SCS(data, cone, verbose=False, **{name: np.int64(5)})
    for bad in (5.0, "5", None):
        with pytest.raises(TypeError):
            scs.SCS(data, cone, **{name: bad})


@pytest.mark.parametrize("name", FLOAT_SETTINGS)
def test_float_settings_need_numbers(lp, name):
    data, cone = lp
    good = 1 if name not in ("alpha",) else 1.5
    scs.SCS(data, cone, verbose=False, **{name: good})  # ints are fine
    for bad in ("0.1", None, [0.1]):
        with pytest.raises(TypeError):
            scs.SCS(data, cone, **{name: bad})


@pytest.mark.parametrize("name", STR_SETTINGS)
def test_str_settings(lp, name, tmp_path):
    data, cone = lp
    scs.SCS(data, cone, verbose=False, **{name: None})
    scs.SCS(data, cone, verbose=False, **{name: str(tmp_path / "f")})
    with pytest.raises(TypeError):
        scs.SCS(data, cone, **{name: 3})


def test_unknown_keyword(lp):
    data, cone = lp
    with pytest.raises(TypeError, match="eps_abz"):
        scs.SCS(data, cone, eps_abz=1e-3)
    with pytest.raises(TypeError):
        scs.solve(data, cone, foo=1)


# ---- settings: ranges ---------------------------------------------------------
RANGE_ERRORS = [
    ("max_iters", 0, "max_iters must be positive"),
    ("max_iters", -3, "max_iters must be positive"),
    ("acceleration_lookback", -1, "acceleration_lookback must be nonnegative"),
    ("acceleration_interval", 0, "acceleration_interval must be positive"),
    ("acceleration_regularization", -1.0, "acceleration_regularization must"),
    ("acceleration_regularization", float("inf"), "acceleration_regularization"),
    ("acceleration_relaxation", 2.5, "acceleration_relaxation must be in"),
    ("acceleration_relaxation", float("nan"), "acceleration_relaxation"),
    ("scale", 0.0, "scale must be a positive finite number"),
    ("scale", float("inf"), "scale must be a positive finite number"),
    ("time_limit_secs", -1.0, "time_limit_secs must be nonnegative"),
    ("time_limit_secs", float("nan"), "time_limit_secs must be nonnegative"),
    ("eps_abs", -1.0, "eps_abs must be nonnegative"),
    ("eps_abs", float("nan"), "eps_abs must be nonnegative"),
    ("eps_rel", -1e-3, "eps_rel must be nonnegative"),
    ("eps_infeas", -1.0, "eps_infeas must be nonnegative"),
    ("alpha", 2.0, r"alpha must be in \(0, 2\)"),
    ("alpha", 0.0, r"alpha must be in \(0, 2\)"),
    ("rho_x", 0.0, "rho_x must be a positive finite number"),
    ("rho_x", float("nan"), "rho_x must be a positive finite number"),
]


@pytest.mark.parametrize("name,value,message", RANGE_ERRORS)
def test_out_of_range_setting(lp, name, value, message):
    data, cone = lp
    with pytest.raises(ValueError, match=message):
        scs.SCS(data, cone, **{name: value})


def test_libscs_range_check_names_the_setting(lp):
    data, cone = lp
    # +inf passes the scs package's test; libscs's names the setting
    with pytest.raises(ValueError, match="eps_abs"):
        scs.SCS(data, cone, verbose=False, eps_abs=float("inf"))


# ---- data ----------------------------------------------------------------------
def test_missing_data(lp):
    data, cone = lp
    with pytest.raises(ValueError, match="Missing data or cone information"):
        scs.SCS({}, cone)
    with pytest.raises(ValueError, match="Missing data or cone information"):
        scs.SCS(data, {})
    with pytest.raises(ValueError, match="Missing one of b, c"):
        scs.SCS({"A": data["A"], "c": data["c"]}, cone)
    with pytest.raises(ValueError, match="Missing one of b, c"):
        scs.SCS({"A": data["A"], "b": data["b"]}, cone)
    with pytest.raises(ValueError, match="Missing A from data dictionary"):
        scs.SCS({"b": data["b"], "c": data["c"]}, cone)
    with pytest.raises(ValueError, match="Incomplete data specification"):
        scs.SCS(dict(data, A=None), cone)
    with pytest.raises(ValueError, match="Incomplete data specification"):
        scs.SCS(dict(data, b=None), cone)


def test_dense_matrices_are_rejected(lp):
    data, cone = lp
    with pytest.raises(TypeError, match="A is required to be a sparse matrix"):
        scs.SCS(dict(data, A=data["A"].toarray()), cone)
    with pytest.raises(TypeError, match="P is required to be a sparse matrix"):
        scs.SCS(dict(data, P=np.eye(2)), cone)


def test_shapes(lp):
    data, cone = lp
    with pytest.raises(ValueError, match="A shape not compatible with b,c"):
        scs.SCS(dict(data, b=np.ones(4)), cone)
    with pytest.raises(ValueError, match="A shape not compatible with b,c"):
        scs.SCS(dict(data, c=np.ones(3)), cone)
    with pytest.raises(ValueError, match="P shape not compatible with A,b,c"):
        scs.SCS(dict(data, P=sp.eye(3, format="csc")), cone)
    with pytest.raises(TypeError, match="b must be a 1-D numpy array of floats"):
        scs.SCS(dict(data, b=data["b"].reshape(-1, 1)), cone)


def test_dtypes(lp):
    data, cone = lp
    with pytest.raises(TypeError, match="b must be a 1-D numpy array of floats"):
        scs.SCS(dict(data, b=np.array([1, 0, 0])), cone)
    with pytest.raises(TypeError, match="c must be a 1-D numpy array of floats"):
        scs.SCS(dict(data, c=[-1.0, -2.0]), cone)
    with pytest.raises(TypeError, match="Ax must be a 1-D numpy array of floats"):
        scs.SCS(dict(data, A=data["A"].astype(np.int64)), cone)
    with pytest.raises(TypeError, match="Px must be a 1-D numpy array of floats"):
        scs.SCS(dict(data, P=sp.eye(2, dtype=np.int32, format="csc")), cone)
    with pytest.raises(TypeError, match="c must be a 1-D numpy array of floats"):
        scs.SCS(dict(data, c=data["c"].astype(complex)), cone)


def test_bad_matrix_contents(lp):
    data, cone = lp
    A = data["A"].copy()
    A.indices = A.indices.copy()
    A.indices[0] = 7  # row index out of range
    with pytest.raises(ValueError, match="ScsWork allocation error!.*row"):
        scs.SCS(dict(data, A=A), cone, verbose=False)
    A = data["A"].copy()
    A.data = A.data.copy()
    A.data[0] = np.nan
    with pytest.raises(ValueError, match="ScsWork allocation error!"):
        scs.SCS(dict(data, A=A), cone, verbose=False)


def test_cone_errors(lp):
    data, cone = lp
    with pytest.raises(ValueError, match="Invalid value for cone field 'l'"):
        scs.SCS(data, {"z": 1, "l": -2})
    with pytest.raises(ValueError, match="Invalid value for cone field 'z'"):
        scs.SCS(data, {"z": 1.0, "l": 2})
    with pytest.raises(ValueError, match="Invalid value for cone field 'q'"):
        scs.SCS(data, {"q": ["3"]})
    with pytest.raises(ValueError, match="Invalid value for cone field 's'"):
        scs.SCS(data, {"s": np.array([1.5])})
    with pytest.raises(ValueError, match="Invalid value for cone field 'p'"):
        scs.SCS(data, {"p": "x"})
    with pytest.raises(ValueError, match="bu different dimension to bl"):
        scs.SCS(data, {"bu": [1.0, 2.0], "bl": [0.0]})
    with pytest.raises(TypeError):
        scs.SCS(data, [("l", 3)])
    # sizes that do not add up to m: libscs's message
    with pytest.raises(ValueError, match="ScsWork allocation error!.*m = 3"):
        scs.SCS(data, {"l": 2}, verbose=False)


def test_cone_value_forms(lp):
    data, _ = lp
    for cone in ({"z": 1, "l": 2}, {"z": np.int64(1), "l": np.int32(2)},
                 {"z": 1, "q": [2]}, {"z": 1, "q": np.array([2])},
                 {"z": 1, "q": 2}):
        scs.SCS(data, cone, verbose=False)


def test_warm_start_errors(lp):
    data, cone = lp
    s = scs.SCS(data, cone, verbose=False)
    for bad in (np.ones(3), np.ones((2, 1)), [0.0, 1.0], np.ones(2, dtype=int)):
        with pytest.raises(ValueError,
                           match="Warm-start must be a 1-D float array of "
                           "length 2"):
            s.solve(x=bad)
    with pytest.raises(ValueError, match="length 3"):
        s.solve(y=np.ones(2))
    # not checked without warm start
    s.solve(warm_start=False, x=np.ones(5))


def test_update_errors(lp):
    data, cone = lp
    s = scs.SCS(data, cone, verbose=False)
    with pytest.raises(TypeError, match="c_new must be a 1-D numpy array"):
        s.update(c=[1.0, 2.0])
    with pytest.raises(ValueError, match="c_new has incompatible dimension"):
        s.update(c=np.ones(3))
    with pytest.raises(TypeError, match="b_new must be a 1-D numpy array"):
        s.update(b=np.ones(3, dtype=int))
    with pytest.raises(ValueError, match="b_new has incompatible dimension"):
        s.update(b=np.ones(2))
    with pytest.raises(ValueError, match="b\\[1\\] is NaN"):
        s.update(b=np.array([1.0, np.nan, 0.0]))
    s.update()  # nothing to do


def test_workspace_state(lp):
    data, cone = lp
    s = scs.SCS(data, cone, verbose=False)
    raw = s._solver
    with pytest.raises(ValueError, match="Workspace already setup!"):
        A = data["A"]
        raw.__init__(3, 2, A.data, A.indices, A.indptr, None, None, None,
                     data["b"], data["c"], cone, None, None, verbose=False)
    empty = type(raw).__new__(type(raw))
    with pytest.raises(ValueError, match="Workspace not initialized!"):
        empty.solve(True)
    with pytest.raises(ValueError, match="Workspace not initialized!"):
        empty.update(None, None)
    empty.interrupt()  # a no-op
