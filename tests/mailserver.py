"""A real SMTP server for the mail tests (aiosmtpd on 127.0.0.1) whose handler misbehaves on request.

``Inbox`` keeps what it accepts, so a test can count the copies each recipient got, and injects
the faults a mailer meets: refusals (550) and "try later" (451) per recipient, odd replies to DATA
or QUIT, slowness, and a pause at a chosen command until the test lets it go (or kills the client).
"""

from __future__ import annotations

import asyncio
import collections
import email
import socket
import threading
from email import policy

import pytest


class Inbox:
    """An SMTP handler.

    ``reject``: addresses refused with 550; ``busy``: address -> how many times it is refused with
    451 before it is accepted; ``data_replies``: replies to the end of DATA used up one per message
    before the normal 250 (e.g. ``["451 4.3.0 try later"]``); ``quit_reply``: the answer to QUIT;
    ``slow``: seconds to think before answering the end of DATA; ``hold``: "MAIL", "RCPT", "DATA"
    or "QUIT": the first time that command comes, ``reached`` is set and the answer waits for
    ``release`` (or for the client to go away). ``keep_held``: a message held at DATA is kept
    before the wait (the server had queued it, then was slow to say so) rather than after it.
    """

    def __init__(self, reject=(), busy=None, data_replies=(), quit_reply=None, slow=0.0, hold=None,
                 keep_held=False):
        self.reject = set(reject)
        self.busy = dict(busy or {})
        self.data_replies = list(data_replies)
        self.quit_reply = quit_reply
        self.slow = slow
        self.hold = hold
        self.keep_held = keep_held
        self.reached = threading.Event()
        self.release = threading.Event()
        self.delivered = []  # (envelope recipients, message) of each accepted message
        self.transactions = 0  # MAIL commands: attempts that got as far as the transaction

    def copies(self):
        """How many accepted copies each recipient got."""
        return collections.Counter(r for rcpts, _ in self.delivered for r in rcpts)

    async def _wait(self, command):
        if self.hold != command:
            return
        self.hold = None
        self.reached.set()
        while not self.release.is_set():  # cancelled when the client disconnects
            await asyncio.sleep(0.01)

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        self.transactions += 1
        await self._wait("MAIL")
        envelope.mail_from = address
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        await self._wait("RCPT")
        if address in self.reject:
            return "550 5.1.1 mailbox unavailable"
        if self.busy.get(address, 0) > 0:
            self.busy[address] -= 1
            return "451 4.3.2 try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.original_content, policy=policy.default)
        if self.slow:
            await asyncio.sleep(self.slow)
        if self.data_replies:
            return self.data_replies.pop(0)
        if self.hold == "DATA" and self.keep_held:
            self.delivered.append((list(envelope.rcpt_tos), message))
            await self._wait("DATA")
            return "250 Message accepted"
        await self._wait("DATA")
        self.delivered.append((list(envelope.rcpt_tos), message))
        return "250 Message accepted"

    async def handle_QUIT(self, server, session, envelope):
        await self._wait("QUIT")
        return self.quit_reply or "221 Bye"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_server():
    """``start(handler, **controller_options)`` -> the port of a server that stops after the test."""
    controller_module = pytest.importorskip("aiosmtpd.controller")
    servers = []

    def start(handler, **options):
        controller = controller_module.Controller(handler, hostname="127.0.0.1", port=free_port(), **options)
        controller.start()
        servers.append((controller, handler))
        return controller.port

    yield start
    for controller, handler in servers:
        if isinstance(handler, Inbox):
            handler.release.set()
        controller.stop()
