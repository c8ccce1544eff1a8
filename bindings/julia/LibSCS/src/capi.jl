# Every call into libscs goes through @scs_ccall, one per line, in this
# file. bindings/julia/check/check_julia.py parses these lines: it checks
# that libscs exports each symbol with the same number of arguments, and
# generates C prototypes from the Julia argument types for its solve test.
#
#   @scs_ccall [gcsafe] name(arg::Type, ...)::ReturnType
#
# `gcsafe` marks calls that may run long (factorizations, solves, waiting
# for a solve): on Julia 1.12 and later they are made with
# `@ccall gc_safe=true`, so the garbage collector can run in other threads
# meanwhile. Older versions have no such form: there a long solve delays a
# collection requested by another thread until the solve returns.

"""
    @scs_ccall [gcsafe] name(args...)::T

`@ccall` on the symbol `name` of the loaded libscs.
"""
macro scs_ccall(args...)
    if length(args) == 2 && args[1] === :gcsafe
        gcsafe, ex = true, args[2]
    elseif length(args) == 1
        gcsafe, ex = false, args[1]
    else
        throw(ArgumentError("usage: @scs_ccall [gcsafe] name(args...)::T"))
    end
    Meta.isexpr(ex, :(::)) && Meta.isexpr(ex.args[1], :call) ||
        throw(ArgumentError("@scs_ccall needs name(args...)::T"))
    call, rettype = ex.args
    fname = call.args[1]
    fname isa Symbol || throw(ArgumentError("@scs_ccall: bad function name"))
    fptr = Expr(:$, :(_sym($(QuoteNode(fname)))))
    target = Expr(:(::), Expr(:call, fptr, call.args[2:end]...), rettype)
    if gcsafe && VERSION >= v"1.12.0-"
        return esc(Expr(:macrocall, Symbol("@ccall"), __source__,
                        Expr(:(=), :gc_safe, true), target))
    end
    return esc(Expr(:macrocall, Symbol("@ccall"), __source__, target))
end

c_scs_sizeof_int() = @scs_ccall scs_sizeof_int()::Csize_t
c_scs_sizeof_float() = @scs_ccall scs_sizeof_float()::Csize_t
c_scs_version() = @scs_ccall scs_version()::Ptr{UInt8}
c_scs_library_version() = @scs_ccall scs_library_version()::Ptr{UInt8}
c_scs_last_error() = @scs_ccall scs_last_error()::Ptr{UInt8}
c_scs_linsys_backend(name::String) = @scs_ccall scs_linsys_backend(name::Cstring)::Ptr{ScsLinSysBackend}
c_scs_interrupt(w::Ptr{Cvoid}) = @scs_ccall scs_interrupt(w::Ptr{Cvoid})::Cvoid

function c_scs_set_default_settings(stgs::Ref{ScsSettings{I,F}}) where {I,F}
    @scs_ccall scs_set_default_settings(stgs::Ref{ScsSettings{I,F}})::Cvoid
end

function c_scs_init(d::Ref{ScsData{I,F}}, k::Ref{ScsCone{I,F}},
                    stgs::Ref{ScsSettings{I,F}}) where {I,F}
    @scs_ccall gcsafe scs_init(d::Ref{ScsData{I,F}}, k::Ref{ScsCone{I,F}}, stgs::Ref{ScsSettings{I,F}})::Ptr{Cvoid}
end

function c_scs_solve(w::Ptr{Cvoid}, sol::Ref{ScsSolution{I,F}},
                     info::Ref{ScsInfo{I,F}}, warm_start::I) where {I,F}
    @scs_ccall gcsafe scs_solve(w::Ptr{Cvoid}, sol::Ref{ScsSolution{I,F}}, info::Ref{ScsInfo{I,F}}, warm_start::I)::I
end

function c_scs_update(::Type{I}, w::Ptr{Cvoid}, b::Ptr{F}, c::Ptr{F}) where {I,F}
    @scs_ccall gcsafe scs_update(w::Ptr{Cvoid}, b::Ptr{F}, c::Ptr{F})::I
end

# scs_finish waits for a solve running on w in another thread: GC-safe.
c_scs_finish(w::Ptr{Cvoid}) = @scs_ccall gcsafe scs_finish(w::Ptr{Cvoid})::Cvoid
# The finalizer's variant: nothing can be solving on an unreachable workspace.
c_scs_finish_in_finalizer(w::Ptr{Cvoid}) = @scs_ccall scs_finish(w::Ptr{Cvoid})::Cvoid
