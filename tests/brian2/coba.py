#!/usr/bin/python3
"""The COBA benchmark network (Vogels & Abbott 2005; Brette et al. 2007, benchmark 1) in Brian2, with the
parameters of engram's dev.engram.spiking.CobaParams.brian2Benchmark(): 4000 conductance-based LIF neurons,
3200 excitatory / 800 inhibitory, 2% random connectivity, refractory 5 ms, forward Euler at dt = 0.1 ms, 1 s.

Prints one JSON object: mean rate (Hz), mean per-neuron ISI CV (neurons with >= 3 spikes, population s.d.),
spike and synapse counts, wall time of run() (for cython the first run of a fresh cache includes compiling;
for cpp_standalone it includes code generation and g++), sim_s (the simulation alone for cpp_standalone,
else the same as wall_s) and the code-generation target.

Needs Brian2 for /usr/bin/python3 (Debian): apt-get install -y python3-brian
Usage: /usr/bin/python3 tests/brian2/coba.py [--target numpy|cython|cpp_standalone] [--seeds 1,2,3] [--duration-ms D]
With several seeds, rate_hz and cv_isi are the means over seeds (per-seed values are listed too).
"""
import argparse
import json
import os
import sys
import tempfile
import time

parser = argparse.ArgumentParser()
parser.add_argument("--target", default="numpy", choices=["numpy", "cython", "cpp_standalone"])
parser.add_argument("--seeds", default="1", help="comma-separated seeds; each builds a fresh network (numpy/cython only for more than one)")
parser.add_argument("--duration-ms", type=float, default=1000.0)
args = parser.parse_args()

try:
    import brian2 as b2
    from brian2 import ms, mV, second
except ImportError:
    sys.stderr.write("Brian2 is not installed for this interpreter; install it with: apt-get install -y python3-brian\n")
    sys.exit(3)
import numpy as np

b2.prefs.logging.console_log_level = "ERROR"
seeds = [int(x) for x in args.seeds.split(",") if x.strip()]
if args.target == "cpp_standalone" and len(seeds) != 1:
    sys.stderr.write("cpp_standalone runs one seed per process\n")
    sys.exit(2)
if args.target == "cpp_standalone":
    b2.set_device("cpp_standalone", directory=tempfile.mkdtemp(prefix="engram-coba-"))
else:
    b2.prefs.codegen.target = args.target
b2.defaultclock.dt = 0.1 * ms

taum, taue, taui = 20 * ms, 5 * ms, 10 * ms
Vt, Vr, El = -50 * mV, -60 * mV, -60 * mV
Erev_exc, Erev_inh = 0 * mV, -80 * mV
I = 20 * mV
we, wi = 0.6, 6.7
N, NE = 4000, 3200

eqs = """
dv/dt  = (ge*(Erev_exc-v) + gi*(Erev_inh-v) - (v-El) + I)*(1./taum) : volt (unless refractory)
dge/dt = -ge/taue : 1
dgi/dt = -gi/taui : 1
"""


def one(seed):
    b2.start_scope()
    b2.seed(seed)
    P = b2.NeuronGroup(N, eqs, threshold="v>Vt", reset="v = Vr", refractory=5 * ms, method="euler")
    P.v = "Vr + rand() * (Vt - Vr)"
    P.ge = 0
    P.gi = 0
    Ce = b2.Synapses(P[:NE], P, on_pre="ge += we")
    Ci = b2.Synapses(P[NE:], P, on_pre="gi += wi")
    Ce.connect(p=0.02)
    Ci.connect(p=0.02)
    mon = b2.SpikeMonitor(P)
    t0 = time.perf_counter()
    b2.run(args.duration_ms * ms)
    wall = time.perf_counter() - t0
    # The simulation alone: cpp_standalone's wall above also includes generating and compiling C++.
    sim = float(b2.device._last_run_time) if args.target == "cpp_standalone" else wall
    i = np.asarray(mon.i[:])
    t = np.asarray(mon.t[:] / ms)
    cvs = []
    order = np.lexsort((t, i))
    i, t = i[order], t[order]
    bounds = np.searchsorted(i, np.arange(N + 1))
    for n in range(N):
        ts = t[bounds[n]:bounds[n + 1]]
        if len(ts) >= 3:
            isi = np.diff(ts)
            cvs.append(isi.std() / isi.mean())
    return {
        "seed": seed,
        "synapses": int(len(Ce) + len(Ci)),
        "spikes": int(len(i)),
        "rate_hz": float(len(i) / (N * args.duration_ms / 1000.0)),
        "cv_isi": float(np.mean(cvs)) if cvs else 0.0,
        "neurons_with_cv": len(cvs),
        "wall_s": wall,
        "sim_s": sim,
    }


runs = [one(s) for s in seeds]
print(json.dumps({
    "simulator": "brian2",
    "brian2_version": b2.__version__,
    "target": args.target,
    "neurons": N,
    "duration_ms": args.duration_ms,
    "seeds": seeds,
    "rate_hz": float(np.mean([r["rate_hz"] for r in runs])),
    "cv_isi": float(np.mean([r["cv_isi"] for r in runs])),
    "wall_s": float(np.mean([r["wall_s"] for r in runs])),
    "sim_s": float(np.mean([r["sim_s"] for r in runs])),
    "runs": runs,
}))
