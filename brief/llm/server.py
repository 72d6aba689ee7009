"""Chat-completions servers as a runtime: brief's requests sent to OpenAI-compatible servers.

vLLM, llama.cpp's server, Ollama, SGLang and ``brief models serve`` all speak this protocol.
Requests go out ``max_in_flight`` at a time (spread round-robin over several ``url``), replies come
back in order, decoding is greedy (temperature 0). A wrong URL, model or key is a configuration
error (one line, exit 2), found by asking the server for its models before the first request.
Overload (429), server errors (5xx), dropped connections and timeouts are retried with exponential
backoff.
"""

from __future__ import annotations

import asyncio
import os
from typing import Any, Sequence

from brief.errors import ConfigError, ModelError

RETRY_STATUS = {429, 500, 502, 503, 504}
FIRST_BACKOFF = 0.5  # seconds; doubles with each retry
MAX_BACKOFF = 8.0


def server_settings(config: dict[str, Any]) -> dict[str, Any]:
    return config["summarize"]["server"]


def server_urls(config: dict[str, Any]) -> list[str]:
    """The configured base URLs (``.../v1``), one or several."""
    url = server_settings(config)["url"]
    urls = [url] if isinstance(url, str) else list(url)
    urls = [u.strip().rstrip("/") for u in urls if isinstance(u, str) and u.strip()]
    if not urls:
        raise ConfigError("the server backend needs [summarize.server] url (e.g. http://127.0.0.1:8080/v1)")
    return urls


class ServerRuntime:
    """Chat completions from one or more OpenAI-compatible servers, many requests in flight."""

    def __init__(self, urls: Sequence[str], *, model: str = "", api_key_env: str = "", timeout: float = 120.0,
                 max_in_flight: int = 4, retries: int = 3, extra_body: dict[str, Any] | None = None):
        try:
            import httpx
        except ImportError:
            raise ModelError("the server backend needs httpx: pip install 'brief[server]'") from None
        self.httpx = httpx
        self.urls = list(urls)
        self.model = model
        self.key_env = api_key_env
        key = os.environ.get(api_key_env, "") if api_key_env else ""
        self.headers = {"Authorization": f"Bearer {key}"} if key else {}
        self.timeout = float(timeout)
        self.max_in_flight = max(1, int(max_in_flight))
        self.retries = max(0, int(retries))
        self.extra_body = dict(extra_body or {})
        self._checked = False
        self.usage = {"requests": 0, "prompt_tokens": 0, "completion_tokens": 0}  # as the servers report

    # -- configuration check -----------------------------------------------------------------
    async def _check(self, client: Any) -> None:
        """Every server answers, accepts the key and serves the model (empty: the one it serves)."""
        for url in self.urls:
            response = await self._send(client, "GET", f"{url}/models")
            served = [m.get("id") for m in response.json().get("data", []) if isinstance(m, dict)]
            if not self.model:
                if len(served) != 1:
                    raise ConfigError(f"server {url} serves {len(served)} models ({', '.join(map(str, served))}): "
                                      "name one in [summarize.server] model")
                self.model = served[0]
            elif self.model not in served:
                raise ConfigError(f"server {url} does not serve model {self.model!r} "
                                  f"(it serves: {', '.join(map(str, served)) or 'none'})")
        self._checked = True

    # -- one HTTP exchange, with retries -----------------------------------------------------
    async def _send(self, client: Any, method: str, url: str, body: dict | None = None) -> Any:
        httpx = self.httpx
        problem = ""
        for attempt in range(self.retries + 1):
            if attempt:
                await asyncio.sleep(min(FIRST_BACKOFF * 2 ** (attempt - 1), MAX_BACKOFF))
            try:
                response = await client.request(method, url, json=body, headers=self.headers,
                                                timeout=self.timeout)
            except httpx.TimeoutException:
                problem = f"no answer within {self.timeout:g} s"
                continue
            except httpx.TransportError as exc:
                if not self._checked:  # nothing answers at this address: a configuration error
                    raise ConfigError(f"server {url}: cannot connect ({exc or type(exc).__name__}); "
                                      "check [summarize.server] url") from None
                problem = f"connection failed ({exc or type(exc).__name__})"
                continue
            if response.status_code in RETRY_STATUS:
                problem = f"HTTP {response.status_code}"
                continue
            if response.status_code in (401, 403):
                where = f"${self.key_env}" if self.key_env else "no key configured"
                raise ConfigError(f"server {url} refused the API key (HTTP {response.status_code}; key from {where})")
            if response.status_code == 404:
                raise ConfigError(f"server {url}: not found (HTTP 404: {_detail(response)}); "
                                  "check [summarize.server] url and model")
            if response.status_code >= 400:
                raise ModelError(f"server {url} refused the request (HTTP {response.status_code}: {_detail(response)})")
            try:
                response.json()
            except ValueError:
                raise ConfigError(f"server {url} did not answer JSON: is it an OpenAI-compatible server?") from None
            return response
        raise ModelError(f"server {url}: {problem} after {self.retries + 1} attempts")

    async def _complete(self, client: Any, gate: asyncio.Semaphore, url: str, messages: list[dict[str, str]],
                        max_tokens: int) -> tuple[str, bool]:
        body = {**self.extra_body, "model": self.model, "messages": messages, "max_tokens": max_tokens,
                "temperature": 0.0, "seed": 0}
        async with gate:
            response = await self._send(client, "POST", f"{url}/chat/completions", body)
        usage = response.json().get("usage") or {}
        self.usage["requests"] += 1
        for name in ("prompt_tokens", "completion_tokens"):
            self.usage[name] += int(usage.get(name) or 0)
        try:
            choice = response.json()["choices"][0]
            return choice["message"]["content"] or "", choice.get("finish_reason") == "length"
        except (KeyError, IndexError, TypeError):
            raise ModelError(f"server {url}: a reply without choices[0].message.content") from None

    async def _chat_all(self, conversations: Sequence[list[dict[str, str]]], max_tokens: int) -> list[tuple[str, bool]]:
        limits = self.httpx.Limits(max_connections=self.max_in_flight * len(self.urls))
        async with self.httpx.AsyncClient(limits=limits) as client:
            if not self._checked:
                await self._check(client)
            gate = asyncio.Semaphore(self.max_in_flight)
            tasks = [self._complete(client, gate, self.urls[k % len(self.urls)], messages, max_tokens)
                     for k, messages in enumerate(conversations)]
            return list(await asyncio.gather(*tasks))

    def chat(self, conversations, max_tokens):
        if not conversations:
            return []
        return asyncio.run(self._chat_all(conversations, max_tokens))


def _detail(response: Any) -> str:
    """The server's own error message, short."""
    try:
        error = response.json().get("error", response.json().get("detail", ""))
        message = error.get("message", "") if isinstance(error, dict) else str(error)
    except (ValueError, AttributeError):
        message = response.text
    return " ".join(str(message).split())[:160] or response.reason_phrase


def runtime_from_config(config: dict[str, Any]) -> ServerRuntime:
    settings = server_settings(config)
    return ServerRuntime(server_urls(config), model=settings["model"], api_key_env=settings["api_key_env"],
                         timeout=settings["timeout"], max_in_flight=settings["max_in_flight"],
                         retries=settings["retries"], extra_body=settings["extra_body"])


def serve_command(model: str, *, alias: str, host: str, port: int, context: int, threads: int) -> list[str]:
    """The command line of llama-cpp-python's OpenAI-compatible server on a GGUF file, set up like
    the in-process llm backend (same context, flash attention, batch, seed) so that its greedy
    replies are the same."""
    import sys

    return [sys.executable, "-m", "llama_cpp.server", "--model", model, "--model_alias", alias,
            "--host", host, "--port", str(port), "--n_ctx", str(context), "--n_threads", str(threads),
            "--n_threads_batch", str(threads), "--n_batch", "512", "--flash_attn", "true", "--seed", "0"]
