# High-level API: scs_solve, Workspace, solve!, update!, interrupt!.

"""
    SCSError(msg)

A libscs call failed; `msg` is libscs's message (`scs_last_error()`).
"""
struct SCSError <: Exception
    msg::String
end
Base.showerror(io::IO, e::SCSError) = print(io, "SCSError: ", e.msg)

# scs_last_error() is per OS thread and a task may move between threads
# when it yields, so the message is read right after the failing call
# (no yield in between) and kept in the task's local storage.
function _fail(what::AbstractString)
    p = c_scs_last_error()
    msg = p == C_NULL ? "" : unsafe_string(p)
    isempty(msg) && (msg = "$what failed")
    task_local_storage(:libscs_last_error, msg)
    throw(SCSError(msg))
end

"""
    last_error() -> String

The message of the last libscs error raised in the current task (as
`SCSError`), or, if none, the calling thread's `scs_last_error()`.
"""
function last_error()
    msg = get(task_local_storage(), :libscs_last_error, nothing)
    msg === nothing || return msg::String
    p = c_scs_last_error()
    return p == C_NULL ? "" : unsafe_string(p)
end

_cstr(t::NTuple{N,UInt8}) where {N} =
    String(UInt8[t[i] for i in 1:something(findfirst(iszero, t), N + 1)-1])

"""`raw_status(info)`: the status string of an `ScsInfo`, e.g. `"solved"`."""
raw_status(info::ScsInfo) = _cstr(info.status)
"""`lin_sys_solver_name(info)`: the backend that ran, e.g. `"sparse-direct"`."""
lin_sys_solver_name(info::ScsInfo) = _cstr(info.lin_sys_solver)

"""
    Solution

What a solve returns: `x`, `y`, `s` (solution or certificate), `info` (the
`ScsInfo` of libscs, all fields, extensions included) and `ret_val` (the
exit flag: 1 solved, -1 unbounded, -2 infeasible, -5 interrupted...). As
in SCS.jl.
"""
struct Solution{I,F}
    x::Vector{F}
    y::Vector{F}
    s::Vector{F}
    info::ScsInfo{I,F}
    ret_val::I
end
raw_status(sol::Solution) = raw_status(sol.info)

# ---- problem data ---------------------------------------------------------

# Everything libscs reads during scs_init, kept alive (GC.@preserve) by the
# caller while the structs hold raw pointers into it.
struct _Problem{I,F}
    m::Int
    n::Int
    Ax::Vector{F}
    Ai::Vector{I}
    Ap::Vector{I}
    Px::Vector{F}
    Pi::Vector{I}
    Pp::Vector{I}
    hasP::Bool
    b::Vector{F}
    c::Vector{F}
    bu::Vector{F}
    bl::Vector{F}
    q::Vector{I}
    s::Vector{I}
    cs::Vector{I}
    p::Vector{F}
    z::I
    l::I
    ep::I
    ed::I
    strings::Vector{String}
end

function _csc(::Type{I}, ::Type{F}, M::SparseMatrixCSC) where {I,F}
    return (convert(Vector{F}, nonzeros(M)), I.(rowvals(M) .- 1),
            I.(SparseArrays.getcolptr(M) .- 1))
end

_sparse(A::SparseMatrixCSC) = A
_sparse(A::AbstractMatrix) = sparse(A)
_sparse(A::AbstractVector) = sparse(reshape(A, :, 1))

_vec(::Type{I}, ::Nothing) where {I} = I[]
_vec(::Type{I}, v::Integer) where {I} = I[v]
_vec(::Type{I}, v::AbstractVector) where {I} = convert(Vector{I}, v)

function _cone_get(cone, key::Symbol)
    if cone isa AbstractDict
        haskey(cone, key) && return cone[key]
        haskey(cone, String(key)) && return cone[String(key)]
        return nothing
    end
    return hasproperty(cone, key) ? getproperty(cone, key) : nothing
end

const _CONE_KEYS = (:z, :f, :l, :bu, :bl, :bsize, :q, :s, :cs, :ep, :ed, :p)

function _problem(::Type{I}, ::Type{F}, A, b, c, cone, P) where {I,F}
    As = _sparse(A)
    m, n = size(As)
    length(b) == m || throw(DimensionMismatch("b has length $(length(b)), A has $m rows"))
    length(c) == n || throw(DimensionMismatch("c has length $(length(c)), A has $n columns"))
    keys_given = cone isa AbstractDict ? Symbol.(collect(keys(cone))) :
                 collect(propertynames(cone))
    for k in keys_given
        k in _CONE_KEYS || throw(ArgumentError("unknown cone $(repr(k)) (known: $(join(_CONE_KEYS, ", ")))"))
    end
    zv, fv = _cone_get(cone, :z), _cone_get(cone, :f)
    zv !== nothing && fv !== nothing && throw(ArgumentError("give the zero cone as z or f, not both"))
    z = something(zv, fv, 0)
    bu = convert(Vector{F}, something(_cone_get(cone, :bu), F[]))
    bl = convert(Vector{F}, something(_cone_get(cone, :bl), F[]))
    length(bu) == length(bl) || throw(DimensionMismatch("box cone: bu and bl differ in length"))
    bsize = _cone_get(cone, :bsize)
    if bsize !== nothing && bsize != (isempty(bu) ? 0 : length(bu) + 1)
        throw(ArgumentError("box cone: bsize = $bsize but bu has $(length(bu)) entries (bsize = length + 1)"))
    end
    Ax, Ai, Ap = _csc(I, F, As)
    hasP = P !== nothing
    Px, Pi, Pp = F[], I[], I[]
    if hasP
        Ps = _sparse(P)
        size(Ps) == (n, n) || throw(DimensionMismatch("P is $(size(Ps)), expected ($n, $n)"))
        Px, Pi, Pp = _csc(I, F, triu(Ps))   # only the upper triangle is used
    end
    pv = _cone_get(cone, :p)
    return _Problem{I,F}(m, n, Ax, Ai, Ap, Px, Pi, Pp, hasP,
                         convert(Vector{F}, b), convert(Vector{F}, c), bu, bl,
                         _vec(I, _cone_get(cone, :q)), _vec(I, _cone_get(cone, :s)),
                         _vec(I, _cone_get(cone, :cs)),
                         pv === nothing ? F[] : convert(Vector{F}, pv isa Number ? [pv] : pv),
                         I(z), I(something(_cone_get(cone, :l), 0)),
                         I(something(_cone_get(cone, :ep), 0)),
                         I(something(_cone_get(cone, :ed), 0)), String[])
end

_ptr(v::Vector{T}) where {T} = isempty(v) ? Ptr{T}(C_NULL) : pointer(v)

const _SETTING_NAMES = (:normalize, :scale, :adaptive_scale, :rho_x, :max_iters,
    :eps_abs, :eps_rel, :eps_infeas, :alpha, :time_limit_secs, :verbose,
    :warm_start, :acceleration_lookback, :acceleration_interval,
    :acceleration_type_1, :acceleration_regularization,
    :acceleration_relaxation, :write_data_filename, :log_csv_filename,
    :disable_signal_handling, :lin_sys_backend, :disable_polish)

# Settings: libscs's defaults, then the keywords. Signal handling inside
# libscs is off by default (Julia owns SIGINT); use interrupt! instead.
function _settings(::Type{I}, ::Type{F}, strings::Vector{String};
                   kwargs...) where {I,F}
    ref = Ref{ScsSettings{I,F}}()
    c_scs_set_default_settings(ref)
    s = ref[]
    names = fieldnames(ScsSettings{I,F})
    vals = Any[getfield(s, k) for k in names]
    set!(k, v) = (vals[findfirst(==(k), names)] = v)
    set!(:disable_signal_handling, I(1))
    for (k, v) in kwargs
        k in _SETTING_NAMES || throw(ArgumentError("unknown setting $(repr(k)) (settings: $(join(_SETTING_NAMES, ", ")))"))
        if k === :lin_sys_backend
            v === nothing && continue
            ptr = c_scs_linsys_backend(String(v))
            ptr == C_NULL && _fail("scs_linsys_backend")
            set!(k, ptr)
        elseif k === :write_data_filename || k === :log_csv_filename
            v === nothing && continue
            str = String(v)
            occursin('\0', str) && throw(ArgumentError("$k contains a NUL byte"))
            push!(strings, str)
            set!(k, pointer(str))
        else
            set!(k, convert(fieldtype(ScsSettings{I,F}, k), v))
        end
    end
    return ScsSettings{I,F}(vals...)
end

# Build the C structs on top of prob and call scs_init. Every pointer
# stored in a struct points into prob or into the Refs preserved here.
function _init(prob::_Problem{I,F}, settings::ScsSettings{I,F}) where {I,F}
    Aref = Ref(ScsMatrix{I,F}(_ptr(prob.Ax), _ptr(prob.Ai), _ptr(prob.Ap),
                              I(prob.m), I(prob.n)))
    Pref = Ref(ScsMatrix{I,F}(_ptr(prob.Px), _ptr(prob.Pi), _ptr(prob.Pp),
                              I(prob.n), I(prob.n)))
    GC.@preserve prob Aref Pref begin
        data = Ref(ScsData{I,F}(I(prob.m), I(prob.n),
            Base.unsafe_convert(Ptr{ScsMatrix{I,F}}, Aref),
            prob.hasP ? Base.unsafe_convert(Ptr{ScsMatrix{I,F}}, Pref) :
                        Ptr{ScsMatrix{I,F}}(C_NULL),
            _ptr(prob.b), _ptr(prob.c)))
        cone = Ref(ScsCone{I,F}(prob.z, prob.l, _ptr(prob.bu), _ptr(prob.bl),
            I(isempty(prob.bu) ? 0 : length(prob.bu) + 1),
            _ptr(prob.q), I(length(prob.q)), _ptr(prob.s), I(length(prob.s)),
            _ptr(prob.cs), I(length(prob.cs)), prob.ep, prob.ed,
            _ptr(prob.p), I(length(prob.p))))
        w = c_scs_init(data, cone, Ref(settings))
        w == C_NULL && _fail("scs_init")
        return w
    end
end

# ---- Workspace ------------------------------------------------------------

"""
    Workspace(A, b, c, cone; P = nothing, settings...)

A libscs workspace (`ScsWork`): the problem is copied, equilibrated and
factored once; [`solve!`](@ref) solves it, [`update!`](@ref) replaces `b`
and/or `c` without refactoring, [`interrupt!`](@ref) stops a running
solve from another task or thread. A finalizer calls `scs_finish`; call
[`finish!`](@ref) to release it earlier. Workspaces share no state: solves
on different workspaces may run at the same time in different threads.
"""
mutable struct Workspace{I,F}
    ptr::Ptr{Cvoid}
    m::Int
    n::Int
    x::Vector{F}
    y::Vector{F}
    s::Vector{F}
    solved::Bool
    lock::ReentrantLock
end

function Workspace(A, b, c, cone; P = nothing, settings...)
    I, F = scs_int_type(), scs_float_type()
    return _workspace(I, F, A, b, c, cone, P; settings...)
end

function _workspace(::Type{I}, ::Type{F}, A, b, c, cone, P;
                    settings...) where {I,F}
    prob = _problem(I, F, A, b, c, cone, P)
    stgs = _settings(I, F, prob.strings; settings...)
    ptr = GC.@preserve prob _init(prob, stgs)
    w = Workspace{I,F}(ptr, prob.m, prob.n, zeros(F, prob.n), zeros(F, prob.m),
                       zeros(F, prob.m), false, ReentrantLock())
    finalizer(_finalize, w)
    return w
end

function _finalize(w::Workspace)
    p = w.ptr
    w.ptr = C_NULL
    p == C_NULL || c_scs_finish_in_finalizer(p)
    return
end

_live(w::Workspace) = (w.ptr == C_NULL && throw(ArgumentError("the workspace was finished")); w.ptr)

"""
    solve!(w::Workspace; warm_start = false, x = nothing, y = nothing, s = nothing) -> Solution

Solve the workspace's problem. With `warm_start = true` the solve starts
from `x`, `y`, `s` if given, else from the previous solution of `w`.
"""
function solve!(w::Workspace{I,F}; warm_start::Bool = false, x = nothing,
                y = nothing, s = nothing) where {I,F}
    lock(w.lock) do
        ptr = _live(w)
        x === nothing || copyto!(w.x, x)
        y === nothing || copyto!(w.y, y)
        s === nothing || copyto!(w.s, s)
        info = Ref{ScsInfo{I,F}}()
        GC.@preserve w begin
            sol = Ref(ScsSolution{I,F}(pointer(w.x), pointer(w.y), pointer(w.s)))
            flag = c_scs_solve(ptr, sol, info, I(warm_start))
        end
        flag == -4 && _fail("scs_solve")   # SCS_FAILED
        w.solved = true
        return Solution{I,F}(copy(w.x), copy(w.y), copy(w.s), info[], flag)
    end
end

"""
    update!(w::Workspace; b = nothing, c = nothing)

Replace `b` and/or `c` (`nothing` keeps the current one) without
refactoring. Throws `SCSError` (and leaves `w` unchanged) on bad input.
"""
function update!(w::Workspace{I,F}; b = nothing, c = nothing) where {I,F}
    bv = b === nothing ? nothing : convert(Vector{F}, b)
    cv = c === nothing ? nothing : convert(Vector{F}, c)
    bv === nothing || length(bv) == w.m || throw(DimensionMismatch("b must have length $(w.m)"))
    cv === nothing || length(cv) == w.n || throw(DimensionMismatch("c must have length $(w.n)"))
    lock(w.lock) do
        ptr = _live(w)
        GC.@preserve bv cv begin
            r = c_scs_update(I, ptr, bv === nothing ? Ptr{F}(C_NULL) : pointer(bv),
                             cv === nothing ? Ptr{F}(C_NULL) : pointer(cv))
        end
        r == 0 || _fail("scs_update")
    end
    return w
end

"""
    interrupt!(w::Workspace)

Stop the solve running on `w` (from any task or thread; it returns with
`ret_val == -5`, status "interrupted"), or the next one if none runs.
Lock-free: it does not wait for the solve.
"""
function interrupt!(w::Workspace)
    p = w.ptr
    p == C_NULL || c_scs_interrupt(p)
    return w
end

"""
    finish!(w::Workspace)

Free the libscs workspace now (`scs_finish`); a solve running on it in
another thread stops first. Later calls on `w` throw.
"""
function finish!(w::Workspace)
    p = w.ptr
    if p != C_NULL
        w.ptr = C_NULL
        c_scs_finish(p)
    end
    return w
end
Base.close(w::Workspace) = finish!(w)

# ---- one-shot solve -------------------------------------------------------

"""
    scs_solve(A, b, c, cone; P = nothing, warm_start = false,
              primal_sol = nothing, dual_sol = nothing, slack = nothing,
              settings...) -> Solution

Solve `min (1/2) x'Px + c'x  s.t.  Ax + s = b, s in K` once.

- `A`: any `AbstractMatrix` (converted to `SparseMatrixCSC`).
- `P`: `nothing` or an `n x n` matrix; only its upper triangle is used.
- `cone`: a `NamedTuple` or `Dict` with any of `z` (or `f`), `l`, `bu`,
  `bl` (box: `bsize` is `length(bu) + 1`), `q`, `s`, `cs`, `ep`, `ed`, `p`,
  rows of `A` in that order.
- settings: any field of `ScsSettings` by name (`eps_abs = 1e-6`,
  `verbose = 0`, ...), `lin_sys_backend = "direct" | "indirect" | "dense" |
  "auto"`, and file names as strings.
- warm start: `warm_start = true` with `primal_sol`, `dual_sol`, `slack`.

Returns a [`Solution`](@ref) with `x`, `y`, `s`, `info` and `ret_val`.
Invalid input throws `SCSError` with libscs's message.
"""
function scs_solve(A, b, c, cone; P = nothing, warm_start::Bool = false,
                   primal_sol = nothing, dual_sol = nothing, slack = nothing,
                   settings...)
    w = Workspace(A, b, c, cone; P = P, settings...)
    try
        return solve!(w; warm_start = warm_start, x = primal_sol, y = dual_sol,
                      s = slack)
    finally
        finish!(w)
    end
end
