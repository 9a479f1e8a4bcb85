"""Throughput under gunicorn, DEBUG off: ``clients`` concurrent clients for ``seconds`` over a mix of portal
pages (anonymous), staff pages and API lists (the legal office's session), every discovered address that
answers 200. Run by bench/measure.py on the database it has just seeded, or alone:

    .venv/bin/python bench/throughput.py --database-url sqlite:///var/bench/bench-100000.sqlite3 --out t.json

The clients run in this process (threads, keep-alive connections) on the same machine: on a shared 2-core
machine they take CPU from the server, so the figure is a floor. Peak memory is each worker's VmHWM.
"""

from __future__ import annotations

import http.client
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _session_cookie(username: str) -> str:
    from django.test import Client

    from yifa.core.models import User

    client = Client()
    client.force_login(User.objects.get(username=username))
    return client.cookies["sessionid"].value


def _targets() -> list[tuple[str, bool]]:
    from yifa.core.endpoints import discover_api, discover_pages

    found = [(url, public) for _, url, public in discover_pages()]
    found += [(path, public) for _, path, public in discover_api()]
    return found


def _get(conn, url, headers):
    conn.request("GET", url, headers=headers)
    response = conn.getresponse()
    response.read()
    return response.status


def _worker_peaks(master: int) -> dict[int, float]:
    peaks = {}
    for pid in Path("/proc").iterdir():
        if not pid.name.isdigit():
            continue
        try:
            status = (pid / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        if fields.get("PPid", "").strip() == str(master) and "VmHWM" in fields:
            peaks[int(pid.name)] = round(int(fields["VmHWM"].split()[0]) / 1024, 1)
    return peaks


def run(database_url: str, var_dir: Path, *, clients: int, seconds: int, workers: int, progress=print) -> dict:
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "YIFA_VAR_DIR": str(var_dir),
        "YIFA_DEBUG": "0",
        "YIFA_TOTP_REQUIRED": "0",
        "YIFA_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SETTINGS_MODULE": "yifa.settings",
    }
    # DEBUG off serves hashed static names from the manifest, as production does after collectstatic.
    subprocess.run(
        [str(ROOT / ".venv" / "bin" / "yifa"), "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
    )
    server = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "yifa.wsgi",
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.3)
        cookie = _session_cookie("reviewer")
        # Behind the TLS proxy production runs (SECURE_PROXY_SSL_HEADER): no redirect to https.
        staff = {"Host": "127.0.0.1", "X-Forwarded-Proto": "https", "Cookie": f"sessionid={cookie}"}
        public = {"Host": "127.0.0.1", "X-Forwarded-Proto": "https"}
        probe = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        mix = []
        for url, is_public in _targets():
            headers = public if is_public else staff
            if _get(probe, url, headers) == 200:
                mix.append((url, headers))
        progress(f"  吞吐量：{len(mix)}个地址，{clients}个并发客户端，{seconds}秒（负载 {os.getloadavg()[0]:.1f}）")
        times, statuses, errors = [], {}, []
        lock, stop = threading.Lock(), time.monotonic() + seconds
        load_before = os.getloadavg()[0]

        def client(n):
            rng = random.Random(n)
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            while time.monotonic() < stop:
                url, headers = rng.choice(mix)
                began = time.perf_counter()
                try:
                    status = _get(conn, url, headers)
                except (OSError, http.client.HTTPException) as exc:
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                    with lock:
                        errors.append(type(exc).__name__)
                    continue
                elapsed = (time.perf_counter() - began) * 1000
                with lock:
                    times.append(elapsed)
                    statuses[status] = statuses.get(status, 0) + 1

        threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
        began = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.monotonic() - began
        peaks = _worker_peaks(server.pid)
        times.sort()
        return {
            "addresses": len(mix),
            "clients": clients,
            "seconds": round(wall, 1),
            "workers": workers,
            "requests": len(times),
            "rps": round(len(times) / wall, 1),
            "p50_ms": round(statistics.median(times), 1) if times else None,
            "p95_ms": round(times[int(len(times) * 0.95) - 1], 1) if times else None,
            "statuses": {str(k): v for k, v in sorted(statuses.items())},
            "errors": len(errors) + sum(v for k, v in statuses.items() if k >= 500),
            "worker_peak_mb": max(peaks.values()) if peaks else None,
            "load_before": round(load_before, 1),
            "load_after": round(os.getloadavg()[0], 1),
        }
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


def main(argv):
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--var-dir", type=Path, default=ROOT / "var" / "bench")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--merge", type=Path, help="add the figures to this result-*.json of bench/measure.py")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).parent))
    from measure import setup

    setup(args.database_url, args.var_dir)
    result = run(args.database_url, args.var_dir, clients=args.clients, seconds=args.seconds, workers=args.workers)
    text = json.dumps(result, ensure_ascii=False, indent=1)
    if args.out:
        args.out.write_text(text)
    if args.merge:
        merged = json.loads(args.merge.read_text())
        merged["throughput"] = result
        args.merge.write_text(json.dumps(merged, ensure_ascii=False, indent=1))
    print(text)


if __name__ == "__main__":
    main(sys.argv[1:])
