"""Times whole processes (median wall time, peak RSS) and prints ratios against references run alongside."""
import os, subprocess, sys, tempfile, time, statistics, shutil

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 25
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REHAB = os.path.join(ROOT, ".build/release/rehab")
BENCH = os.path.join(ROOT, ".build/release/rehab-bench")
TMP = tempfile.mkdtemp(prefix="rehab-bench-")
ENV = dict(os.environ, HOME=TMP, XDG_DATA_HOME=TMP + "/data", XDG_STATE_HOME=TMP + "/state",
           REHAB_PROGRAMS=os.path.join(ROOT, "Programs"), NO_COLOR="1")


def run(cmd, runs=RUNS):
    """Median seconds and peak resident memory (MiB) over `runs` runs."""
    times, peak = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
        _, status, usage = os.wait4(p.pid, 0)
        times.append(time.perf_counter() - start)
        if os.waitstatus_to_exitcode(status) not in (0,):
            sys.exit(f"bench: {' '.join(cmd)} failed")
        peak = max(peak, usage.ru_maxrss / 1024)
    return statistics.median(times), peak


def row(label, seconds, peak=None, note=""):
    mem = f"{peak:6.1f} MiB" if peak is not None else " " * 10
    print(f"  {label:<52} {seconds * 1000:9.2f} ms  {mem}  {note}")


def ratio(label, value, target=None):
    verdict = "" if target is None else ("  (target ≤ %g: %s)" % (target, "met" if value <= target else "NOT MET"))
    print(f"  {label:<52} {value:9.2f}{verdict}")


print(f"rehab benchmark — release build, median of {RUNS} runs, references measured in the same run")
print("\nStart-up (issue 2)")
quit_t, quit_m = run([REHAB, "-c", "quit"])
sqlite_t, sqlite_m = run(["sqlite3", ":memory:", ".quit"])
py_t, py_m = run(["/usr/bin/python3", "-c", "pass"])
row("rehab -c quit", quit_t, quit_m)
row("sqlite3 :memory: .quit", sqlite_t, sqlite_m)
row("/usr/bin/python3 -c pass", py_t, py_m)
ratio("ratio rehab / python3", quit_t / py_t, 1.0)
ratio("ratio rehab / sqlite3", quit_t / sqlite_t)
print(f"  {'peak memory of rehab -c quit':<52} {quit_m:9.1f} MiB (target < 20 MB: {'met' if quit_m < 19.07 else 'NOT MET'})")

print("\nProgram language (issue 3)")
sizes = subprocess.run([BENCH, "program", TMP, "5000000"], capture_output=True, text=True, check=True).stdout.split()
out = subprocess.run([BENCH, "parse", TMP, str(max(5, RUNS // 5))], capture_output=True, text=True, check=True).stdout.split()
lang, js = float(out[0]), float(out[1])
row(f"parse + validate generated program ({int(sizes[0]) / 1e6:.1f} MB)", lang)
row(f"JSONDecoder, the same program ({int(sizes[1]) / 1e6:.1f} MB of JSON)", js)
ratio("ratio language / JSON", lang / js, 1.0)
shipped = sorted(f[:-6] for f in os.listdir(os.path.join(ROOT, "Programs")) if f.endswith(".rehab"))
for p in shipped:
    t, m = run([REHAB, "preview", p])
    row(f"rehab preview {p} (all weeks)", t, m)
    ratio(f"ratio preview {p} / rehab -c quit", t / quit_t, 2.0)
prev_t, prev_m = run([REHAB, "-c", "; ".join(f"preview {p}" for p in shipped)])
row("preview of all three in one process", prev_t, prev_m)
ratio("ratio all three / rehab -c quit", prev_t / quit_t, 2.0)

print("\nJournal (issue 4)")
results = {}
for label, days in (("1 month", 30), ("3 years", 3 * 365)):
    d = os.path.join(TMP, f"j{days}")
    subprocess.run([BENCH, "journal", d, "2023-11-01", str(days)], check=True, env=ENV)
    today = "2023-12-01" if days == 30 else "2026-11-01"
    t, m = run([REHAB, "--data-dir", d, "--today", today, "allowed"])
    results[days] = t
    row(f"rehab allowed, {label} of daily sessions", t, m)
db = os.path.join(TMP, f"j{3 * 365}", "journal.sqlite")
sq_t, _ = run(["sqlite3", db, "SELECT count(*) FROM events"])
row("sqlite3 DB 'SELECT count(*) FROM events' (3 years)", sq_t)
ratio("ratio rehab allowed (3 years) / sqlite3 count", results[3 * 365] / sq_t, 3.0)
ratio("ratio 3 years / 1 month (history-size independence)", results[3 * 365] / results[30])
shutil.rmtree(TMP, ignore_errors=True)
