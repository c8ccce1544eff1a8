"""
    LibSCS

Julia bindings of libscs, a re-implementation of the SCS 3.2 conic solver.

    minimize (1/2) x'Px + c'x  subject to  Ax + s = b, s in K

`scs_solve(A, b, c, cone; P, settings...)` solves one problem (in the
manner of SCS.jl's `scs_solve`); a [`Workspace`](@ref) keeps the
factorization for repeated solves (`solve!`, `update!`, `interrupt!`).

The library is found through, in order: the environment variable
`LIBSCS_PATH`, the preference `libscs_path` of this package
(LocalPreferences.toml), else the installed soname `libscs.so.0`.
"""
module LibSCS

using Libdl
using LinearAlgebra
using SparseArrays

export scs_solve, Workspace, solve!, update!, interrupt!, finish!,
       last_error, SCSError, raw_status, lin_sys_solver_name,
       scs_version, scs_library_version, scs_int_type, scs_float_type

const _UUID = Base.UUID("e5f12248-0899-43dd-9ef5-e249048a72bc")

include("structs.jl")

# ---- the library ----------------------------------------------------------

const _HANDLE = Ref{Ptr{Cvoid}}(C_NULL)
const _LOAD_ERROR = Ref{String}("")
const _INT = Ref{DataType}(Int32)
const _FLOAT = Ref{DataType}(Float64)

function _default_soname()
    Sys.isapple() && return "libscs.0.dylib"
    Sys.iswindows() && return "libscs.dll"
    return "libscs.so.0"
end

"""
    library_path()

Where LibSCS loads libscs from: `ENV["LIBSCS_PATH"]`, else the preference
`libscs_path`, else the soname.
"""
function library_path()
    p = get(ENV, "LIBSCS_PATH", "")
    isempty(p) || return p
    prefs = Base.get_preferences(_UUID)
    p = get(prefs, "libscs_path", "")
    p isa AbstractString && !isempty(p) && return String(p)
    return _default_soname()
end

function _handle()
    h = _HANDLE[]
    h == C_NULL && error("LibSCS: libscs is not loaded: ", _LOAD_ERROR[],
                         " (set LIBSCS_PATH or the libscs_path preference)")
    return h
end

_sym(name::Symbol) = Libdl.dlsym(_handle(), name)

include("capi.jl")

function __init__()
    path = library_path()
    h = Libdl.dlopen(path, Libdl.RTLD_LAZY | Libdl.RTLD_LOCAL; throw_error = false)
    if h === nothing || h == C_NULL
        _LOAD_ERROR[] = "cannot open $(repr(path))"
        return
    end
    _HANDLE[] = h
    si = Int(c_scs_sizeof_int())
    sf = Int(c_scs_sizeof_float())
    _INT[] = si == 8 ? Int64 : si == 4 ? Int32 :
             error("LibSCS: scs_sizeof_int() = $si is not supported")
    _FLOAT[] = sf == 8 ? Float64 : sf == 4 ? Float32 :
               error("LibSCS: scs_sizeof_float() = $sf is not supported")
    return
end

"""`scs_int` of the loaded library: `Int32` or `Int64`."""
scs_int_type() = (_handle(); _INT[])
"""`scs_float` of the loaded library: `Float64` or `Float32`."""
scs_float_type() = (_handle(); _FLOAT[])

"""The SCS API version libscs implements, e.g. `"3.2.11"`."""
scs_version() = unsafe_string(c_scs_version())
"""The libscs release, e.g. `"0.1.0"`."""
scs_library_version() = unsafe_string(c_scs_library_version())

include("api.jl")

end # module
