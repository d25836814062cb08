"""Both languages say the same things."""

from __future__ import annotations

from ranham.rules.texts import EN, ID, Message, placeholders


def test_catalogs_have_the_same_keys_and_placeholders():
    assert EN.keys() == ID.keys()
    for key in EN:
        assert placeholders(EN[key]) == placeholders(ID[key]), key


def test_messages_render_nested_messages_and_words():
    message = Message(
        "report.counted",
        {
            "status": "verified",
            "day": "2022-04-29",
            "timing": Message("timing.on_time"),
            "opens": "2022-04-28",
            "closes": "2022-05-05",
        },
    )
    assert "on time" in message.text("en")
    assert "tepat waktu" in message.text("id")
    assert Message("met.assessed", {"administrative": True, "substantive": None}).text("id") == (
        "penilaian verifikator administratif ya, substantif tidak terdefinisi (keduanya harus ya)"
    )
