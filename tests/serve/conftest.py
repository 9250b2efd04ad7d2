"""A real ledger behind the real app, and a real server on loopback for the browser."""

from __future__ import annotations

import socket
import threading
import time
from importlib import resources
from pathlib import Path

import pytest

from crosstally.ingest import add_documents
from crosstally.read import read_paths
from crosstally.store import Ledger


def seeded_ledger(path: Path) -> Path:
    corpus = resources.files("crosstally") / "examples" / "derna-floods.jsonl"
    with resources.as_file(corpus) as jsonl, Ledger(path) as ledger:
        add_documents(ledger, read_paths([jsonl]))
    return path


@pytest.fixture
def make_client(tmp_path, nlp):
    from fastapi.testclient import TestClient

    from crosstally.serve.app import Settings, create_app

    clients = []

    def make(**settings) -> TestClient:
        db = seeded_ledger(tmp_path / f"l{len(clients)}.duckdb")
        client = TestClient(create_app(Settings(str(db), **settings)), base_url="http://127.0.0.1")
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.app.state.jobs.close()
        client.app.state.service.ledger.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def live_server(tmp_path_factory, nlp):
    """uvicorn serving a seeded ledger on 127.0.0.1 in a background thread."""
    import uvicorn

    from crosstally.serve.app import Settings, create_app

    db = seeded_ledger(tmp_path_factory.mktemp("live") / "live.duckdb")
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(Settings(str(db))), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 30
    while not server.started and time.time() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
