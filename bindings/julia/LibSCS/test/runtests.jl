# Tests of LibSCS (need Julia and libscs: set LIBSCS_PATH to libscs.so).
#   LIBSCS_PATH=/path/to/libscs.so julia --project=bindings/julia/LibSCS -t 4 \
#       -e 'using Pkg; Pkg.test()'
using LibSCS
using SparseArrays
using LinearAlgebra
using Test

const TIGHT = (eps_abs = 1e-9, eps_rel = 1e-9, eps_infeas = 1e-9, verbose = 0)

lp() = (A = sparse([1.0 1.0; -1.0 0.0; 0.0 -1.0]), b = [1.0, 0.0, 0.0],
        c = [-1.0, -1.0], cone = (l = 3,))

@testset "LibSCS" begin
    @testset "library" begin
        @test scs_version() == "3.2.11"
        @test !isempty(scs_library_version())
        @test scs_int_type() in (Int32, Int64)
        @test scs_float_type() in (Float32, Float64)
        I, F = scs_int_type(), scs_float_type()
        @test sizeof(LibSCS.ScsSettings{I,F}) > 0
    end

    @testset "LP" begin
        p = lp()
        sol = scs_solve(p.A, p.b, p.c, p.cone; TIGHT...)
        @test sol.ret_val == 1
        @test raw_status(sol) == "solved"
        @test sol.info.pobj ≈ -1 atol = 1e-6
        @test sum(sol.x) ≈ 1 atol = 1e-6
        @test lin_sys_solver_name(sol.info) == "sparse-direct"
    end

    @testset "QP: only the upper triangle of P is used" begin
        A = -Matrix(1.0I, 2, 2)
        for P in ([2.0 1.0; 1.0 2.0], [2.0 1.0; 100.0 2.0],
                  sparse([2.0 1.0; 0.0 2.0]), Symmetric([2.0 1.0; 1.0 2.0]))
            sol = scs_solve(A, [0.0, 0.0], [-1.0, -1.0], (l = 2,); P = P, TIGHT...)
            @test sol.x ≈ [1 / 3, 1 / 3] atol = 1e-6
            @test sol.info.pobj ≈ -1 / 3 atol = 1e-6
        end
    end

    @testset "SOCP" begin
        A = [0.0 0.0; -1.0 0.0; 0.0 -1.0]
        sol = scs_solve(A, [1.0, 0, 0], [1.0, 1.0], (q = [3],); TIGHT...)
        @test sol.info.pobj ≈ -sqrt(2) atol = 1e-6
    end

    @testset "SDP" begin
        A = [1.0 0 1; -1 0 0; 0 -sqrt(2) 0; 0 0 -1]
        sol = scs_solve(A, [1.0, 0, 0, 0], [2.0, 2, 2], (z = 1, s = [2]); TIGHT...)
        @test sol.info.pobj ≈ 1 atol = 1e-6
    end

    @testset "exponential, dual exponential, power, box" begin
        A = reshape([0.0, 0.0, -1.0], 3, 1)
        @test scs_solve(A, [1.0, 1, 0], [1.0], (ep = 1,); TIGHT...).x[1] ≈ exp(1) atol = 1e-6
        @test scs_solve(A, [-1.0, 0, 0], [1.0], (ed = 1,); TIGHT...).x[1] ≈ exp(-1) atol = 1e-6
        @test scs_solve(A, [4.0, 1, 0], [-1.0], (p = [0.5],); TIGHT...).x[1] ≈ 2 atol = 1e-6
        B = reshape([0.0, -1.0], 2, 1)
        @test scs_solve(B, [1.0, 0], [1.0], (bl = [0.5], bu = [2.0]); TIGHT...).x[1] ≈ 0.5 atol = 1e-6
        @test scs_solve(B, [1.0, 0], [1.0], Dict(:f => 0, :bl => [0.5], :bu => [2.0]); TIGHT...).x[1] ≈ 0.5 atol = 1e-6
    end

    @testset "infeasible, unbounded" begin
        @test scs_solve(reshape([-1.0, 1.0], 2, 1), [-1.0, 0.0], [1.0], (l = 2,); verbose = 0).ret_val == -2
        @test scs_solve(reshape([-1.0], 1, 1), [0.0], [-1.0], (l = 1,); verbose = 0).ret_val == -1
    end

    @testset "backends" begin
        p = lp()
        for (name, reported) in (("direct", "sparse-direct"),
                                 ("indirect", "sparse-indirect"), ("dense", "dense"))
            sol = scs_solve(p.A, p.b, p.c, p.cone; lin_sys_backend = name, TIGHT...)
            @test lin_sys_solver_name(sol.info) == reported
            @test sol.info.pobj ≈ -1 atol = 1e-6
        end
    end

    @testset "warm start and update!" begin
        p = lp()
        w = Workspace(p.A, p.b, p.c, p.cone; TIGHT...)
        cold = solve!(w)
        warm = solve!(w; warm_start = true)
        @test warm.ret_val == 1
        @test warm.info.iter < cold.info.iter
        again = scs_solve(p.A, p.b, p.c, p.cone; warm_start = true,
                          primal_sol = cold.x, dual_sol = cold.y, slack = cold.s, TIGHT...)
        @test again.info.iter < cold.info.iter
        update!(w; b = [2.0, 0.0, 0.0])
        @test solve!(w).info.pobj ≈ -2 atol = 1e-6
        update!(w; c = [-1.0, 0.0])
        @test solve!(w).info.pobj ≈ -2 atol = 1e-6
        @test_throws SCSError update!(w; b = [NaN, 0.0, 0.0])
        @test occursin("NaN", last_error())
        @test solve!(w).info.pobj ≈ -2 atol = 1e-6   # unchanged by the failed update
        finish!(w)
        @test_throws ArgumentError solve!(w)
    end

    @testset "errors" begin
        p = lp()
        e = try
            scs_solve(p.A, p.b, p.c, (l = 2,); verbose = 0)
        catch err
            err
        end
        @test e isa SCSError
        @test occursin("cone sizes sum to 2 but m = 3", e.msg)
        @test last_error() == e.msg
        @test_throws SCSError scs_solve(p.A, p.b, p.c, p.cone; alpha = 3.0, verbose = 0)
        @test occursin("alpha", last_error())
        @test_throws SCSError scs_solve(p.A, p.b, p.c, p.cone; lin_sys_backend = "nope")
        @test_throws ArgumentError scs_solve(p.A, p.b, p.c, p.cone; not_a_setting = 1)
        @test_throws ArgumentError scs_solve(p.A, p.b, p.c, (l = 3, zz = 1))
        @test_throws DimensionMismatch scs_solve(p.A, [1.0], p.c, p.cone)
    end

    @testset "interrupt!" begin
        p = lp()
        w = Workspace(p.A, p.b, p.c, p.cone; verbose = 0)
        interrupt!(w)                       # sticky: stops the next solve
        @test solve!(w).ret_val == -5
        @test solve!(w).ret_val == 1        # consumed
        if Threads.nthreads() > 1
            n = 300
            A = sparse([randn(2n, n); I(n); -I(n)])
            b = [A[1:2n, :] * rand(n) .+ rand(2n); ones(2n)]
            big = Workspace(A, b, randn(n), (l = 4n,); eps_abs = 0.0, eps_rel = 0.0,
                            eps_infeas = 0.0, max_iters = 10^8, time_limit_secs = 60.0,
                            verbose = 0)
            t = Threads.@spawn solve!(big)
            sleep(0.5)
            interrupt!(big)
            @test fetch(t).ret_val == -5
            finish!(big)
        end
        finish!(w)
    end

    @testset "threads: separate workspaces" begin
        p = lp()
        tasks = [Threads.@spawn scs_solve(p.A, p.b .* k, p.c, p.cone; TIGHT...)
                 for k in 1:8]
        for (k, t) in enumerate(tasks)
            @test fetch(t).info.pobj ≈ -k atol = 1e-5
        end
        # GC in other tasks while solves run (GC-safe calls on Julia >= 1.12)
        t = Threads.@spawn begin
            for _ in 1:3
                GC.gc()
            end
            true
        end
        @test fetch(t)
    end
end
