"""Times whole processes (median wall time, peak RSS) and prints ratios against references run alongside."""
import datetime, os, subprocess, sys, tempfile, time, statistics, shutil

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 25
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REHAB = os.path.join(ROOT, ".build/release/rehab")
BENCH = os.path.join(ROOT, ".build/release/rehab-bench")
TMP = tempfile.mkdtemp(prefix="rehab-bench-")
ENV = dict(os.environ, HOME=TMP, XDG_DATA_HOME=TMP + "/data", XDG_STATE_HOME=TMP + "/state",
           REHAB_PROGRAMS=os.path.join(ROOT, "Programs"), NO_COLOR="1")


def interleaved(cmds, runs=RUNS, statuses=(0,)):
    """Median seconds and peak resident memory (MiB) of each command over `runs` runs. The commands take
    turns, so a slow spell of the machine hits each of them alike and the ratios between them stay fair."""
    times = [[] for _ in cmds]
    peaks = [0.0 for _ in cmds]
    # Untimed warm-up runs, so a binary just rebuilt is in the page cache before anything is timed.
    for _ in range(3):
        for cmd in cmds:
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    for _ in range(runs):
        for i, cmd in enumerate(cmds):
            start = time.perf_counter()
            p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
            _, status, usage = os.wait4(p.pid, 0)
            times[i].append(time.perf_counter() - start)
            if os.waitstatus_to_exitcode(status) not in statuses:
                sys.exit(f"bench: {' '.join(cmd)} failed")
            peaks[i] = max(peaks[i], usage.ru_maxrss / 1024)
    return [(statistics.median(t), m) for t, m in zip(times, peaks)]


def row(label, seconds, peak=None, note=""):
    mem = f"{peak:6.1f} MiB" if peak is not None else " " * 10
    print(f"  {label:<52} {seconds * 1000:9.2f} ms  {mem}  {note}")


def ratio(label, value, target=None):
    verdict = "" if target is None else ("  (target ≤ %g: %s)" % (target, "met" if value <= target else "NOT MET"))
    print(f"  {label:<52} {value:9.2f}{verdict}")


print(f"rehab benchmark — release build, median of {RUNS} runs, references measured in the same run")
print("\nStart-up (issue 2)")
(quit_t, quit_m), (sqlite_t, sqlite_m), (py_t, py_m) = interleaved(
    [[REHAB, "-c", "quit"], ["sqlite3", ":memory:", ".quit"], ["/usr/bin/python3", "-c", "pass"]])
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
timed = interleaved([[REHAB, "-c", "quit"]] + [[REHAB, "preview", p] for p in shipped]
                    + [[REHAB, "-c", "; ".join(f"preview {p}" for p in shipped)]])
quit_here = timed[0][0]
row("rehab -c quit (taking turns with the previews)", quit_here, timed[0][1])
for p, (t, m) in zip(shipped, timed[1:]):
    row(f"rehab preview {p} (all weeks)", t, m)
    ratio(f"ratio preview {p} / rehab -c quit", t / quit_here, 2.0)
prev_t, prev_m = timed[-1]
row("preview of all three in one process", prev_t, prev_m)
ratio("ratio all three / rehab -c quit", prev_t / quit_here, 2.0)

print("\nJournal (issue 4)")
results = {}
cmds = []
for days, today in ((30, "2023-12-01"), (3 * 365, "2026-11-01")):
    d = os.path.join(TMP, f"j{days}")
    subprocess.run([BENCH, "journal", d, "2023-11-01", str(days)], check=True, env=ENV)
    cmds.append([REHAB, "--data-dir", d, "--today", today, "allowed"])
db = os.path.join(TMP, f"j{3 * 365}", "journal.sqlite")
(t1, m1), (t3, m3), (sq_t, _) = interleaved(cmds + [["sqlite3", db, "SELECT count(*) FROM events"]])
results[30], results[3 * 365] = t1, t3
row("rehab allowed, 1 month of daily sessions", t1, m1)
row("rehab allowed, 3 years of daily sessions", t3, m3)
row("sqlite3 DB 'SELECT count(*) FROM events' (3 years)", sq_t)
ratio("ratio rehab allowed (3 years) / sqlite3 count", results[3 * 365] / sq_t, 3.0)
ratio("ratio 3 years / 1 month (history-size independence)", results[3 * 365] / results[30])
# In process, as the journal unit test once timed it: open, first fold, and the fold after one more append (what
# the REPL does after 'log'). Run last: it appends sessions to the 3-year journal.
fold = subprocess.run([BENCH, "fold", os.path.join(TMP, f"j{3 * 365}"), str(RUNS)], capture_output=True, text=True,
                      check=True).stdout.split()
row("Journal.open, 3 years (in process)", float(fold[0]))
row("record(of:), 3 years, first fold (in process)", float(fold[1]))
row("record(of:) after one more append (in process)", float(fold[2]))

print("\nGuided session (issue 10)")
# One session step in process: an answer through the session machine, the durable (synchronous FULL) journal write of
# the completed exercise, to the next prompt; beside sqlite3 inserting one row into the same journal, same setting.
j3 = os.path.join(TMP, f"j{3 * 365}")
step = float(subprocess.run([BENCH, "step", j3, str(RUNS)], capture_output=True, text=True, check=True).stdout.split()[0])
(ins_t, _), = interleaved([["sqlite3", db, "PRAGMA synchronous = FULL; PRAGMA journal_mode = WAL; "
                           "INSERT INTO settings (key, value) VALUES ('bench-' || random(), 'x')"]])
row("session step: answer → journal write → next prompt (in process)", step)
row("sqlite3 inserting one row, synchronous FULL (whole process)", ins_t)
ratio("session step, ms (target < 16)", step * 1000, 16.0)
ratio("ratio session step / sqlite3 insert", step / ins_t, 3.0)
# Timer drift: `rehab -c 'timer 60'` keeps real time when its wall time, less `rehab -c quit`, is 60 s.
drift_runs = 1 if RUNS < 25 else 3
(quit_t2, _), = interleaved([[REHAB, "-c", "quit"]])
walls = []
for _ in range(drift_runs):
    start = time.perf_counter()
    subprocess.run([REHAB, "-c", "timer 60"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV, check=True)
    walls.append(time.perf_counter() - start)
drift = statistics.median(walls) - 60 - quit_t2
row(f"timer 60 s, drift (median of {drift_runs})", drift)
ratio("timer drift, ms (target < 100, aim < 10)", abs(drift) * 1000, 100.0)

print("\nClinic roster, export and import (issue 14)")
# 10,000 patients with a year of daily history each. Generating them takes minutes, so the folder is kept under .build
# (named for the generator's version) and copied for each run; the copy starts with no roster rows worked out.
CLINIC_PATIENTS, CLINIC_DAYS, CLINIC_TODAY = 10000, 365, "2026-11-01"
kept = os.path.join(ROOT, ".build", f"bench-clinic-v2-{CLINIC_PATIENTS}x{CLINIC_DAYS}")
if not os.path.exists(os.path.join(kept, "journal.sqlite")):
    print(f"  (generating {CLINIC_PATIENTS} patients × {CLINIC_DAYS} days into {kept}; kept for later runs)", flush=True)
    shutil.rmtree(kept, ignore_errors=True)
    subprocess.run([BENCH, "clinic", kept + ".partial", str(CLINIC_PATIENTS), str(CLINIC_DAYS), CLINIC_TODAY],
                   check=True, env=ENV)
    subprocess.run(["sqlite3", os.path.join(kept + ".partial", "journal.sqlite"), "PRAGMA wal_checkpoint(TRUNCATE)"],
                   check=True, stdout=subprocess.DEVNULL)
    os.rename(kept + ".partial", kept)
clinic = os.path.join(TMP, "clinic")
shutil.copytree(kept, clinic)
clinic_db = os.path.join(clinic, "journal.sqlite")
roster = [REHAB, "--data-dir", clinic, "--today", CLINIC_TODAY, "roster", "--json"]
start = time.perf_counter()
subprocess.run(roster, stdout=subprocess.DEVNULL, check=True, env=ENV)
first = time.perf_counter() - start
# The same numbers the roster shows, straight from the tables: per patient, session days in the last 7 days and the
# 7 before, mean pain before in each, the last session day, and open red-flag reports.
t = (datetime.date.fromisoformat(CLINIC_TODAY) - datetime.date(1970, 1, 1)).days
aggregate = f"""SELECT p.name,
  count(DISTINCT CASE WHEN f.day > {t - 7} THEN f.day END), count(DISTINCT CASE WHEN f.day > {t - 14}
  AND f.day <= {t - 7} THEN f.day END), avg(CASE WHEN f.day > {t - 7} THEN f.pain_before END),
  avg(CASE WHEN f.day > {t - 14} AND f.day <= {t - 7} THEN f.pain_before END), max(f.day),
  (SELECT count(*) FROM events e WHERE e.patient_id = p.id AND e.kind = 'flag')
  FROM patients p LEFT JOIN session_facts f ON f.patient_id = p.id GROUP BY p.id ORDER BY p.name"""
clinic_runs = max(5, RUNS // 5)
(roster_t, roster_m), (agg_t, agg_m) = interleaved([roster, ["sqlite3", clinic_db, aggregate]], runs=clinic_runs)
row(f"rehab roster --json, first run of the day ({CLINIC_PATIENTS} patients)", first)
row("rehab roster --json, median of later runs", roster_t, roster_m)
row("sqlite3, the same aggregates in one query", agg_t, agg_m)
ratio("roster, s (target < 1)", roster_t, 1.0)
ratio("ratio roster / sqlite3 aggregate", roster_t / agg_t, 3.0)
largest = subprocess.run(["sqlite3", clinic_db, "SELECT p.name FROM patients p JOIN events e ON e.patient_id = p.id "
                          "GROUP BY p.id ORDER BY count(*) DESC, p.name LIMIT 1"],
                         capture_output=True, text=True, check=True).stdout.strip()
out = os.path.join(TMP, "largest.json")
# `--patient`, not `patient use`: that is a write, and the first write of a process checks the whole file first.
export = [REHAB, "--data-dir", clinic, "--today", CLINIC_TODAY, "--patient", largest, "export", "--format", "json",
          "--out", out]
subprocess.run(export, stdout=subprocess.DEVNULL, check=True, env=ENV)
imports = [os.path.join(TMP, f"import-{i}") for i in range(clinic_runs + 3)]
(export_t, export_m), = interleaved([export], runs=clinic_runs)
import_times = []
for d in imports:
    start = time.perf_counter()
    subprocess.run([REHAB, "--data-dir", d, "import", out], stdout=subprocess.DEVNULL, check=True, env=ENV)
    import_times.append(time.perf_counter() - start)
events = subprocess.run(["sqlite3", os.path.join(imports[0], "journal.sqlite"), "SELECT count(*) FROM events"],
                        capture_output=True, text=True, check=True).stdout.strip()
row(f"rehab export --format json, largest patient ({events} events)", export_t, export_m)
row("rehab import of it into an empty data folder", statistics.median(import_times[3:]))
row("rehab -c quit (for scale)", interleaved([[REHAB, "-c", "quit"]], runs=clinic_runs)[0][0])

print("\nHostile input (issue 11)")
errors = os.path.join(TMP, "errors.rehab")
with open(errors, "w") as f:
    f.write('program errors "Ten thousand errors"\n')
    f.writelines(f"bogus line {i} here\n" for i in range(10000))
deep = os.path.join(TMP, "deep.rehab")
with open(deep, "w") as f:
    f.write('program deep "Ever deeper"\n')
    f.writelines(" " * i + f"x {i}\n" for i in range(3000))
big_dir = os.path.join(TMP, "big15")
os.makedirs(big_dir, exist_ok=True)
subprocess.run([BENCH, "program", big_dir, "15000000"], capture_output=True, check=True)
big = os.path.join(big_dir, "big.rehab")
big_mb = os.path.getsize(big) / 2**20
j3 = os.path.join(TMP, f"j{3 * 365}")
hostile_runs = max(5, RUNS // 5)
(err_t, err_m), (deep_t, deep_m), (big_t, big_m) = interleaved(
    [[REHAB, "check", errors], [REHAB, "check", deep], [REHAB, "check", big]], runs=hostile_runs, statuses=(0, 1))
row("rehab check, a program with 10,000 errors", err_t, err_m)
print(f"  {'  targets: under 1 s and under 100 MB':<52} {'met' if err_t < 1 and err_m < 95.4 else 'NOT MET'}")
row("rehab check, 3,000 ever-deeper indented lines", deep_t, deep_m)
row(f"rehab check, a valid generated program ({big_mb:.1f} MiB)", big_t, big_m)
ratio("peak memory / file size, valid program", big_m / big_mb)
(log_t, log_m), (allowed_t, _) = interleaved(
    [[REHAB, "--data-dir", j3, "--today", "2026-11-01", "log", "pain", "2"],
     [REHAB, "--data-dir", j3, "--today", "2026-11-01", "allowed"]], runs=hostile_runs)
row("rehab log (3 years; quick check before the first write)", log_t, log_m)
ratio("ratio log / allowed (cost of the quick check and the write)", log_t / allowed_t)
shutil.rmtree(TMP, ignore_errors=True)
