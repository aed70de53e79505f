"""Guards against a Qt binding that corrupts the interpreter over long runs.

PySide6 6.12.0 releases a reference to True on every signal delivered to a
Python slot; on Python 3.11 the interpreter aborts once True's count reaches
zero, a few thousand signals into a kiosk's day. pyproject.toml excludes it;
this test fails if an installed binding does it again.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal, Slot


class _Sender(QObject):
    fired = Signal(object)


class _Receiver(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    @Slot(object)
    def on_fired(self, value: object) -> None:
        self.count += 1


def test_signal_delivery_keeps_bool_reference_counts() -> None:
    sender, receiver = _Sender(), _Receiver()
    sender.fired.connect(receiver.on_fired)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for index in range(200):
        sender.fired.emit(index)
    after = sys.getrefcount(True), sys.getrefcount(False)
    assert receiver.count == 200
    assert after == before
