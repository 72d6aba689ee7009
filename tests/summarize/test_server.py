"""The server backend against real HTTP servers on loopback, never a mock.

llama-cpp-python's OpenAI-compatible server runs a tiny GGUF model built here (``tests/tiny_models.py``);
those tests skip without llama.cpp's server (the llm and serve extras). A small standard-library
HTTP server in front of it (``Gate``) counts requests in flight, fails the first ones with 500 or
hangs, so retries and timeouts run over real sockets; the tests that need no model use it alone.
The packaged model is compared with the in-process backend only when BRIEF_TEST_PACKAGED_MODEL is set.
"""

from __future__ import annotations

import importlib.util
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

pytest.importorskip("httpx")

from brief.config import defaults  # noqa: E402
from brief.errors import ConfigError, ModelError  # noqa: E402
from brief.document import Article, BriefItem  # noqa: E402
from brief.summarize import get_summarizer  # noqa: E402
from brief.summarize.run import summarize_items  # noqa: E402
from brief.llm.server import ServerRuntime, serve_command  # noqa: E402

HAS_SERVER = all(importlib.util.find_spec(m) for m in ("llama_cpp", "uvicorn", "fastapi", "sse_starlette",
                                                       "starlette_context", "pydantic_settings"))
needs_llama_server = pytest.mark.skipif(not HAS_SERVER, reason="llama.cpp's server is not installed "
                                        "(pip install 'brief[llm,serve]')")
ROOT = Path(__file__).resolve().parents[2]

ARTICLES = [
    Article(title="汾河大桥今日通车", source="晋城日报", paragraphs=[
        "全长3.2公里的汾河大桥今日正式通车，总投资12亿元。", "大桥通车后，两岸通行时间由40分钟缩短到8分钟。"]),
    Article(title="我市秋粮喜获丰收", source="晋城日报", paragraphs=[
        "今年全市秋粮播种面积达到85万亩，总产量预计增长4.5%。", "农业部门组织农机2000余台投入秋收。"]),
    Article(title="市民音乐会周末举行", source="太行晚报", paragraphs=[
        "第十届市民音乐会将于本周六晚在文化中心举行，共有12支乐团参加。", "演出免费向市民开放。"]),
    Article(title="新建养老床位1200张", source="晋城日报", paragraphs=[
        "今年以来全市新增养老床位1200张，社区养老服务中心覆盖率达到90%。"]),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Gate:
    """A real HTTP server in front of an upstream one (or none): it serves ``/v1/models`` itself when
    there is no upstream, fails the first ``fail`` chat requests with 500, or holds every chat
    request ``hang`` seconds; it records how many chat requests were in flight at most, and their
    message lists (``sent``)."""

    def __init__(self, upstream: str | None = None, *, fail: int = 0, hang: float = 0.0, models=("tiny",)):
        self.upstream, self.fail, self.hang, self.models = upstream, fail, hang, list(models)
        self.in_flight = self.most_in_flight = self.failed = self.chats = 0
        self.sent: list[list[dict[str, str]]] = []
        self.lock = threading.Lock()
        gate = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                gate.handle(self, None)

            def do_POST(self):
                gate.handle(self, self.rfile.read(int(self.headers.get("Content-Length", 0))))

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def handle(self, request, body: bytes | None) -> None:
        chat = request.path.endswith("/chat/completions")
        with self.lock:
            if chat:
                self.chats += 1
                self.sent.append(json.loads(body)["messages"])
                self.in_flight += 1
                self.most_in_flight = max(self.most_in_flight, self.in_flight)
                failing = self.failed < self.fail
                self.failed += failing
        try:
            if not request.path.startswith("/v1/"):
                return self.reply(request, 404, {"detail": "Not Found"})
            if chat and failing:
                return self.reply(request, 500, {"error": {"message": "overloaded"}})
            if chat and self.hang:
                time.sleep(self.hang)
            if self.upstream is None:
                if request.path.endswith("/models"):
                    return self.reply(request, 200, {"data": [{"id": m} for m in self.models]})
                return self.reply(request, 503, {"error": {"message": "no model here"}})
            forwarded = urllib.request.Request(self.upstream + request.path[len("/v1"):], data=body,
                                               method=request.command,
                                               headers={"Content-Type": "application/json"})
            with urllib.request.urlopen(forwarded, timeout=600) as upstream:
                self.reply(request, upstream.status, json.loads(upstream.read()))
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (its timeout): nothing to answer
        finally:
            if chat:
                with self.lock:
                    self.in_flight -= 1

    @staticmethod
    def reply(request, status: int, payload: dict) -> None:
        data = json.dumps(payload).encode()
        request.send_response(status)
        request.send_header("Content-Type", "application/json")
        request.send_header("Content-Length", str(len(data)))
        request.end_headers()
        request.wfile.write(data)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def start_llama_server(model: Path, *, alias: str = "tiny", api_key: str | None = None,
                       context: int = 8192, threads: int = 1) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**os.environ, **({"API_KEY": api_key} if api_key else {})}
    command = serve_command(str(model), alias=alias, host="127.0.0.1", port=port, context=context,
                            threads=threads)
    log = tempfile.TemporaryFile()  # not a pipe: llama.cpp's loading log would fill it and block
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=log)
    url = f"http://127.0.0.1:{port}/v1"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"llama.cpp's server exited: {log.read().decode(errors='replace')[-500:]}")
        try:
            urllib.request.urlopen(url + "/models", timeout=1)
            return process, url
        except urllib.error.HTTPError:
            return process, url  # it answers (401 without the key): up
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("llama.cpp's server did not start within 300 s")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="module")
def tiny_gguf(tmp_path_factory):
    pytest.importorskip("gguf")
    from tests.tiny_models import build_tiny_llama_gguf

    corpus = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "prompts").rglob("*.toml"))
    corpus += "".join(a.title + a.body for a in ARTICLES)
    return build_tiny_llama_gguf(tmp_path_factory.mktemp("tiny-gguf") / "tiny.gguf", corpus)


@pytest.fixture(scope="module")
def llama_server(tiny_gguf):
    if not HAS_SERVER:
        pytest.skip("llama.cpp's server is not installed (pip install 'brief[llm,serve]')")
    process, url = start_llama_server(tiny_gguf)
    yield url
    stop(process)


def conversations(n: int) -> list[list[dict[str, str]]]:
    return [[{"role": "system", "content": "用一句话概括。"}, {"role": "user", "content": f"第{k}条：{a.body}"}]
            for k, a in enumerate(ARTICLES * (n // len(ARTICLES) + 1))][:n]


def server_config(tmp_path, url, **server):
    config = defaults()
    config["summarize"].update(cache_dir=str(tmp_path / "cache"), backend="server")
    config["summarize"]["server"].update(url=url, **server)
    return config


# -- against llama.cpp's server ------------------------------------------------------------------

@needs_llama_server
def test_requests_in_flight_come_back_in_order(llama_server):
    gate = Gate(llama_server, hang=0.3)  # held a moment, so that four overlap however busy the machine
    try:
        one_by_one = ServerRuntime([llama_server], max_in_flight=1).chat(conversations(8), 12)
        at_once = ServerRuntime([gate.url], max_in_flight=4).chat(conversations(8), 12)
    finally:
        gate.close()
    assert at_once == one_by_one
    assert len(set(one_by_one)) > 1  # different articles, different replies: the order is tested
    assert gate.chats == 8 and gate.most_in_flight == 4


@needs_llama_server
def test_served_replies_are_the_in_process_replies(tiny_gguf, llama_server):
    from brief.llm.runtime import LlamaCppRuntime

    in_process = LlamaCppRuntime(tiny_gguf, context=8192, threads=1).chat(conversations(4), 24)
    served = ServerRuntime([llama_server], max_in_flight=2, extra_body=defaults()["summarize"]["server"]["extra_body"])
    assert served.chat(conversations(4), 24) == in_process


@needs_llama_server
def test_a_500_is_retried_and_the_reply_is_the_same(llama_server):
    gate = Gate(llama_server, fail=2)
    try:
        replies = ServerRuntime([gate.url], max_in_flight=1, retries=3).chat(conversations(2), 12)
    finally:
        gate.close()
    assert gate.failed == 2 and gate.chats == 4
    assert replies == ServerRuntime([llama_server]).chat(conversations(2), 12)


@needs_llama_server
def test_a_wrong_model_name_is_a_configuration_error(llama_server):
    with pytest.raises(ConfigError, match=r"does not serve model 'qwen-72b' \(it serves: tiny\)"):
        ServerRuntime([llama_server], model="qwen-72b").chat(conversations(1), 8)
    runtime = ServerRuntime([llama_server])  # no model named: the one it serves
    runtime.chat(conversations(1), 4)
    assert runtime.model == "tiny"


@needs_llama_server
def test_a_wrong_key_is_a_configuration_error_and_the_right_one_works(tiny_gguf, monkeypatch):
    process, url = start_llama_server(tiny_gguf, api_key="s3cret")
    try:
        monkeypatch.setenv("TEST_BRIEF_KEY", "wrong")
        with pytest.raises(ConfigError, match=r"refused the API key \(HTTP 401; key from \$TEST_BRIEF_KEY\)"):
            ServerRuntime([url], api_key_env="TEST_BRIEF_KEY").chat(conversations(1), 4)
        monkeypatch.setenv("TEST_BRIEF_KEY", "s3cret")
        assert len(ServerRuntime([url], api_key_env="TEST_BRIEF_KEY").chat(conversations(1), 4)) == 1
    finally:
        stop(process)


@needs_llama_server
def test_every_item_through_the_server_in_rank_order_same_as_sequential(tmp_path, llama_server):
    items = [BriefItem(article=a, score=1.0, rank=k) for k, a in enumerate(ARTICLES * 2, 1)]
    runs = []
    for in_flight in (1, 4):
        config = server_config(tmp_path / str(in_flight), [llama_server, llama_server],
                               max_in_flight=in_flight)
        config["summarize"]["model_top"] = "all"
        run = summarize_items(items, backend=None, config=config)
        assert run.notices == [] and run.model == f"server@{llama_server}"
        runs.append([(i.summary.text, i.summary.method, json.dumps(i.summary.guard, ensure_ascii=False))
                     for i in items])
    assert runs[0] == runs[1]
    # Every item went to the model: its summary is the model's, or the guard records that the
    # model's drafts were checked and replaced by the extractive summary.
    assert all(method.startswith("server") or json.loads(guard)["action"] == "replaced by the extractive summary"
               for _, method, guard in runs[0])


@needs_llama_server
def test_a_retry_sent_to_the_server_continues_the_draft_s_conversation(tmp_path, llama_server):
    gate = Gate(llama_server)
    try:
        summaries = get_summarizer("server", server_config(tmp_path, gate.url)).summarize(ARTICLES)
    finally:
        gate.close()
    retried = [s for s in summaries if s.guard]
    assert retried, "the tiny model's drafts fail the checks"
    # One draft per article, then one retry per rejected draft: the draft's messages and the
    # request naming what the checks found.
    drafts, retries = gate.sent[: len(ARTICLES)], gate.sent[len(ARTICLES):]
    assert len(retries) == len(retried)
    for messages in retries:
        first = next(d for d in drafts if messages[: len(d)] == d)
        assert [m["role"] for m in messages[len(first):]] == ["user"]
        assert any(p in messages[-1]["content"] for s in retried for p in s.guard["problems"])


@needs_llama_server
def test_server_summaries_are_cached(tmp_path, llama_server):
    gate = Gate(llama_server)
    try:
        config = server_config(tmp_path, gate.url)
        first = get_summarizer("server", config).summarize(ARTICLES[:2])
        chats = gate.chats
        again = get_summarizer("server", config).summarize(ARTICLES[:2])
    finally:
        gate.close()
    assert chats >= 2 and gate.chats == chats  # the rerun sent nothing
    assert [s.text for s in again] == [s.text for s in first]


# -- real HTTP servers that answer no model --------------------------------------------------------

def test_a_server_that_hangs_past_the_timeout_is_retried_then_reported():
    gate = Gate(hang=3.0)
    try:
        start = time.monotonic()
        with pytest.raises(ModelError, match=r"no answer within 0.3 s after 2 attempts"):
            ServerRuntime([gate.url], timeout=0.3, retries=1).chat(conversations(1), 8)
        assert time.monotonic() - start < 3.0  # it did not wait for the hung reply
    finally:
        gate.close()


def test_a_failing_server_costs_the_brief_nothing_but_says_why(tmp_path):
    gate = Gate(fail=100)  # every chat request answers 500
    try:
        items = [BriefItem(article=a, score=1.0, rank=k) for k, a in enumerate(ARTICLES, 1)]
        config = server_config(tmp_path, gate.url, retries=1)
        run = summarize_items(items, backend=None, config=config)
    finally:
        gate.close()
    assert run.notices == [f"using the extractive summarizer: server {gate.url}/chat/completions: "
                           "HTTP 500 after 2 attempts"]
    assert all(i.summary.method.startswith("extractive") for i in items)


def test_nothing_listening_is_a_configuration_error():
    url = f"http://127.0.0.1:{free_port()}/v1"
    with pytest.raises(ConfigError, match=r"cannot connect .*check \[summarize.server\] url"):
        ServerRuntime([url], retries=0).chat(conversations(1), 8)


def test_a_url_without_the_api_path_is_a_configuration_error():
    gate = Gate()
    try:
        with pytest.raises(ConfigError, match=r"not found \(HTTP 404"):
            ServerRuntime([gate.url.removesuffix("/v1") + "/api"]).chat(conversations(1), 8)
    finally:
        gate.close()


def test_several_models_and_none_named_is_a_configuration_error():
    gate = Gate(models=("a", "b"))
    try:
        with pytest.raises(ConfigError, match=r"serves 2 models \(a, b\): name one"):
            ServerRuntime([gate.url]).chat(conversations(1), 8)
    finally:
        gate.close()


def test_model_top_all_needs_the_server_backend(tmp_path):
    from brief.summarize.run import model_top

    config = defaults()
    config["summarize"]["model_top"] = "all"
    assert model_top(config, "server", 7) == 7
    with pytest.raises(ConfigError, match='model_top = \'all\': a number of items, or "all" with the server'):
        model_top(config, "llm", 7)


def test_the_server_backend_needs_a_url(tmp_path):
    with pytest.raises(ConfigError, match=r"needs \[summarize.server\] url"):
        get_summarizer("server", server_config(tmp_path, ""))


def test_cli_wrong_url_is_one_line_and_exit_2(tmp_path):
    page = tmp_path / "news.txt"
    page.write_text(ARTICLES[0].title + "\n" + ARTICLES[0].body + "\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "BRIEF_SUMMARIZE__CACHE_DIR": str(tmp_path / "cache"),
           "BRIEF_SUMMARIZE__SERVER__URL": f"http://127.0.0.1:{free_port()}/v1",
           "BRIEF_SUMMARIZE__SERVER__RETRIES": "0"}
    done = subprocess.run([sys.executable, "-m", "brief", "summarize", str(page), "--backend", "server"],
                          capture_output=True, text=True, env=env, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "cannot connect" in done.stderr and "Traceback" not in done.stderr


# -- the packaged model: the server gives the in-process backend's summaries ----------------------

@pytest.mark.skipif(not os.environ.get("BRIEF_TEST_PACKAGED_MODEL") or not HAS_SERVER,
                    reason="set BRIEF_TEST_PACKAGED_MODEL=1 (needs the llm and serve extras; minutes)")
def test_packaged_model_same_summaries_in_process_and_served(tmp_path):
    from brief.llm.models import ensure_model, get_card

    config = defaults()
    config["summarize"].update(cache=False, threads=2)
    path = ensure_model(get_card(), config)
    in_process = [s.text for s in get_summarizer("llm", config).summarize(ARTICLES[:2])]
    process, url = start_llama_server(path, alias=get_card().name, context=config["summarize"]["context"],
                                      threads=2)
    try:
        config["summarize"]["server"].update(url=url, max_in_flight=2)
        served = [s.text for s in get_summarizer("server", config).summarize(ARTICLES[:2])]
    finally:
        stop(process)
    assert served == in_process
