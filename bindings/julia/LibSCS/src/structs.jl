# Julia mirrors of the structs libscs passes, in the order and with the
# fields of include/scs.h, aa_stats.h and scs_linsys.h (extension fields
# included). I is scs_int (Int32 or Int64), F is scs_float (Float64 or
# Float32): both are read from the loaded library (scs_sizeof_int,
# scs_sizeof_float).
#
# This file is parsed by bindings/julia/check/check_julia.py, which checks
# every struct below field by field against the C headers. Keep one field
# per line as `name::Type`.

# scs_linsys.h: a backend table (LibSCS only reads `name` from the built-in
# tables that scs_linsys_backend returns).
struct ScsLinSysBackend
    abi_version::Cint
    name::Ptr{UInt8}
    flags::Cuint
    user_data::Ptr{Cvoid}
    init::Ptr{Cvoid}
    solve::Ptr{Cvoid}
    update_diag_r::Ptr{Cvoid}
    free::Ptr{Cvoid}
    set_cancel::Ptr{Cvoid}
end

struct ScsMatrix{I,F}
    x::Ptr{F}
    i::Ptr{I}
    p::Ptr{I}
    m::I
    n::I
end

struct ScsData{I,F}
    m::I
    n::I
    A::Ptr{ScsMatrix{I,F}}
    P::Ptr{ScsMatrix{I,F}}
    b::Ptr{F}
    c::Ptr{F}
end

struct ScsCone{I,F}
    z::I
    l::I
    bu::Ptr{F}
    bl::Ptr{F}
    bsize::I
    q::Ptr{I}
    qsize::I
    s::Ptr{I}
    ssize::I
    cs::Ptr{I}
    cssize::I
    ep::I
    ed::I
    p::Ptr{F}
    psize::I
end

# Extension: the memory allocator of a handle (the binding leaves it NULL).
struct ScsAllocator
    malloc::Ptr{Cvoid}
    free::Ptr{Cvoid}
    user_data::Ptr{Cvoid}
end

struct ScsSettings{I,F}
    normalize::I
    scale::F
    adaptive_scale::I
    rho_x::F
    max_iters::I
    eps_abs::F
    eps_rel::F
    eps_infeas::F
    alpha::F
    time_limit_secs::F
    verbose::I
    warm_start::I
    acceleration_lookback::I
    acceleration_interval::I
    acceleration_type_1::I
    acceleration_regularization::F
    acceleration_relaxation::F
    write_data_filename::Ptr{UInt8}
    log_csv_filename::Ptr{UInt8}
    disable_signal_handling::I
    lin_sys_backend::Ptr{ScsLinSysBackend}
    print::Ptr{Cvoid}
    print_data::Ptr{Cvoid}
    allocator::Ptr{ScsAllocator}
    disable_polish::I
end

struct ScsSolution{I,F}
    x::Ptr{F}
    y::Ptr{F}
    s::Ptr{F}
end

struct AaStats{I,F}
    iter::I
    n_accept::I
    n_reject_lapack::I
    n_reject_rank0::I
    n_reject_nonfinite::I
    n_reject_weight_cap::I
    n_safeguard_reject::I
    last_rank::I
    last_aa_norm::F
    last_regularization::F
end

struct ScsInfo{I,F}
    iter::I
    status::NTuple{128,UInt8}
    lin_sys_solver::NTuple{128,UInt8}
    status_val::I
    scale_updates::I
    pobj::F
    dobj::F
    res_pri::F
    res_dual::F
    gap::F
    res_infeas::F
    res_unbdd_a::F
    res_unbdd_p::F
    setup_time::F
    solve_time::F
    scale::F
    comp_slack::F
    rejected_accel_steps::I
    accepted_accel_steps::I
    aa_stats::AaStats{I,F}
    lin_sys_time::F
    cone_time::F
    accel_time::F
    lin_sys_iters::I
    polish_status::I
    polish_time::F
end

struct ScsProgress{I,F}
    iter::I
    res_pri::F
    res_dual::F
    gap::F
    pobj::F
    dobj::F
    scale::F
    elapsed_ms::F
end
