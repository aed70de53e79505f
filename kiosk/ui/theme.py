"""Sizes and colours of the kiosk's screens.

Everything scales with the screen height, so the same layout reads from a
metre away on a 15" touch monitor and on a 32" TV. One `unit` is 1% of the
window height, times the configured font scale.
"""

from __future__ import annotations

import dataclasses

from kiosk.dossier import Status

NAVY = "#0b3d91"
INK = "#1a1a1a"
MUTED = "#555555"
PAPER = "#f6f7f9"
CARD = "#ffffff"
GREEN = "#1b7f3b"
BLUE = "#1565c0"
AMBER = "#a35c00"
RED = "#c62828"
GREY = "#616161"


@dataclasses.dataclass(frozen=True)
class Tone:
    """How a status looks: colour, icon shape and a pale background."""

    name: str  # the `tone` property value the style sheet colours text by
    colour: str
    pale: str
    icon: str  # "check", "double_check", "clock", "alert", "cross", "info"


_BLUE = ("blue", BLUE, "#e3eefb")
_AMBER = ("amber", AMBER, "#fff3e0")
_RED = ("red", RED, "#fdeaea")
_GREY = ("grey", GREY, "#eeeeee")
_GREEN = ("green", GREEN, "#e6f4ea")

TONES: dict[Status, Tone] = {
    Status.NEW: Tone(*_BLUE, "info"),
    Status.RECEIVED: Tone(*_BLUE, "info"),
    Status.REJECTED: Tone(*_RED, "cross"),
    Status.PROCESSING: Tone(*_BLUE, "clock"),
    Status.NEEDS_SUPPLEMENT: Tone(*_AMBER, "alert"),
    Status.NEEDS_PAYMENT: Tone(*_AMBER, "alert"),
    Status.WITHDRAWN: Tone(*_GREY, "cross"),
    Status.STOPPED: Tone(*_RED, "cross"),
    Status.DONE: Tone(*_GREEN, "check"),
    Status.RETURNED: Tone(*_GREEN, "double_check"),
}


def stylesheet(unit: float) -> str:
    """The application style sheet for a given unit (1% of window height)."""

    def px(n: float) -> str:
        return f"{max(1, round(n * unit))}px"

    return f"""
    QWidget {{ color: {INK}; font-size: {px(2.6)}; }}
    #Root {{ background: {PAPER}; }}
    #Header {{ background: {NAVY}; }}
    #Header QLabel {{ color: white; }}
    #OfficeName {{ font-size: {px(3.4)}; font-weight: 600; }}
    #UnitName {{ font-size: {px(2.2)}; }}
    #Clock {{ font-size: {px(4.2)}; font-weight: 600; }}
    #DateLabel {{ font-size: {px(2.2)}; }}
    #DemoMark {{ background: #ffd54f; color: #3e2723; font-weight: 700;
                font-size: {px(2.2)}; padding: {px(0.4)} {px(1.2)}; border-radius: {px(0.6)}; }}
    #ConfigWarning {{ background: {RED}; color: white; font-weight: 700;
                font-size: {px(2.2)}; padding: {px(0.4)} {px(1.2)}; border-radius: {px(0.6)}; }}
    #PinDots {{ font-size: {px(5.0)}; letter-spacing: {px(0.6)}; min-height: {px(6)}; }}
    #PinMessage {{ font-size: {px(3.0)}; font-weight: 600; }}
    QPushButton#Danger {{ background: white; color: {RED}; border: {px(0.3)} solid {RED}; }}
    #Prompt {{ font-size: {px(4.6)}; font-weight: 700; color: {NAVY}; }}
    #PromptSub {{ font-size: {px(2.6)}; color: {MUTED}; }}
    #Ticker {{ background: {NAVY}; color: white; font-size: {px(2.6)}; }}
    #Card {{ background: {CARD}; border-radius: {px(1.2)}; }}
    #Procedure {{ font-size: {px(4.0)}; font-weight: 700; color: {NAVY}; }}
    #FieldName {{ font-size: {px(2.2)}; color: {MUTED}; }}
    #FieldValue {{ font-size: {px(3.0)}; font-weight: 600; }}
    #StatusText {{ font-size: {px(3.6)}; font-weight: 700; }}
    #StatusText[tone="blue"] {{ color: {BLUE}; }}
    #StatusText[tone="amber"] {{ color: {AMBER}; }}
    #StatusText[tone="red"] {{ color: {RED}; }}
    #StatusText[tone="grey"] {{ color: {GREY}; }}
    #StatusText[tone="green"] {{ color: {GREEN}; }}
    #Timeliness {{ font-size: {px(2.8)}; font-weight: 600; }}
    #Timeliness[tone="late"] {{ color: {RED}; }}
    #NextAction {{ font-size: {px(3.0)}; font-weight: 600; }}
    #Note {{ font-size: {px(2.6)}; }}
    #PayText {{ font-size: {px(2.6)}; font-weight: 600; color: {NAVY}; }}
    #StepName {{ font-size: {px(2.4)}; font-weight: 600; }}
    #StepMeta {{ font-size: {px(2.0)}; color: {MUTED}; }}
    #Updated {{ font-size: {px(2.0)}; color: {MUTED}; }}
    #Updated[tone="late"] {{ font-size: {px(2.6)}; color: {RED}; font-weight: 700; }}
    #MessageTitle {{ font-size: {px(4.6)}; font-weight: 700; color: {NAVY}; }}
    #MessageBody {{ font-size: {px(3.2)}; }}
    #Countdown {{ font-size: {px(2.4)}; color: {MUTED}; }}
    QPushButton {{ background: {NAVY}; color: white; border: none;
                  border-radius: {px(1.2)}; font-size: {px(3.2)}; font-weight: 700;
                  min-height: {px(8)}; min-width: {px(16)}; padding: 0 {px(3)}; }}
    QPushButton:pressed {{ background: #072a66; }}
    QPushButton#KeyButton {{ background: white; color: {INK}; border: {px(0.2)} solid #b0b7c3;
                  font-size: {px(3.6)}; min-width: {px(9)}; min-height: {px(8)}; padding: 0; }}
    QPushButton#KeyButton:pressed {{ background: #dfe6f3; }}
    QPushButton#Secondary {{ background: white; color: {NAVY}; border: {px(0.3)} solid {NAVY}; }}
    QLineEdit#CodeEntry {{ font-size: {px(4.0)}; padding: {px(0.8)}; background: white;
                  border: {px(0.3)} solid {NAVY}; border-radius: {px(0.8)}; }}
    QScrollArea, QScrollArea > QWidget > QWidget {{ background: transparent; border: none; }}
    """
