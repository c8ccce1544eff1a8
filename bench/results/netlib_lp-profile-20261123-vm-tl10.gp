set terminal pngcairo size 840,540
set output "/work/main/bench/results/netlib_lp-profile-20261123-vm-tl10.png"
set title "netlib_lp: performance profile (127 problems), eps 1e-4" noenhanced
set xlabel "log2(tau): time within a factor tau of the fastest solver" noenhanced
set ylabel "fraction of problems solved"
set key bottom right noenhanced
set grid
set yrange [0:1.02]
set xrange [0:2.76124]
plot "/work/main/bench/results/netlib_lp-profile-20261123-vm-tl10-0.dat" using 1:2 with steps lw 2 title "libscs", \
     "/work/main/bench/results/netlib_lp-profile-20261123-vm-tl10-1.dat" using 1:2 with steps lw 2 title "scs-3.2.11"
