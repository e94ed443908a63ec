# ruff: noqa: RUF001  (Japanese text is written with full-width punctuation)
"""The demo town's playbook and product photos: what a partner town sees when it starts "from
Takeo's playbook", and pictures for the city page, made at seed time (no image files shipped).
"""

from __future__ import annotations

import io
from typing import Any

from PIL import Image, ImageDraw

from gateway.playbook import service as playbooks


def _names(ja: str, en: str, ko: str) -> dict[str, str]:
    return {"ja": ja, "en": en, "ko": ko}


CATEGORIES: list[dict[str, Any]] = [
    {"slug": "food", "name": _names("食品", "Food", "식품")},
    {
        "slug": "vegetables-herbs",
        "name": _names("野菜・ハーブ", "Vegetables & herbs", "채소·허브"),
        "parent": "food",
    },
    {"slug": "tofu-soy", "name": _names("豆腐・大豆", "Tofu & soy", "두부·콩"), "parent": "food"},
    {
        "slug": "tea-drinks",
        "name": _names("お茶・飲料", "Tea & drinks", "차·음료"),
        "parent": "food",
    },
    {"slug": "crafts", "name": _names("工芸品", "Crafts", "공예품")},
    {"slug": "experiences", "name": _names("体験", "Experiences", "체험")},
]
PRODUCT_CATEGORY = {
    "aged-black-garlic": "vegetables-herbs",
    "onsen-tofu": "tofu-soy",
    "lemongrass-tea": "tea-drinks",
}

# {name} {producer} {price} {story} {slug} are filled per product; {link} is the tracked link.
TEMPLATES: list[dict[str, Any]] = [
    {
        "name": "Specialty of the day (ja)",
        "language": "ja",
        "template": "今日の武雄の逸品：{name}（{producer}）\n{story}\n{price}\nお買い求めは {link}",
        "cadence": {"time": "12:00", "every_days": 1, "skip_weekends": True},
    },
    {
        "name": "Specialty of the day (ko)",
        "language": "ko",
        "template": "오늘의 다케오 특산품: {name} ({producer})\n{story}\n{price}\n구매하기 {link}",
        "cadence": {"time": "12:00", "every_days": 1, "skip_weekends": True},
    },
    {
        "name": "Specialty of the day (en)",
        "language": "en",
        "template": "Today from Takeo: {name} by {producer}\n{story}\n{price}\nBuy it here {link}",
        "cadence": {"time": "12:00", "every_days": 1, "skip_weekends": True},
    },
    {
        "name": "A place to visit (ja)",
        "language": "ja",
        "template": "武雄のおすすめスポット：{name}\n{story}\n詳しくは {link}",
        "cadence": {"time": "10:00", "every_days": 7, "skip_weekends": False},
    },
    {
        "name": "A place to visit (ko)",
        "language": "ko",
        "template": "다케오 추천 명소: {name}\n{story}\n자세히 보기 {link}",
        "cadence": {"time": "10:00", "every_days": 7, "skip_weekends": False},
    },
    {
        "name": "A place to visit (en)",
        "language": "en",
        "template": "A place to visit in Takeo: {name}\n{story}\nMore at {link}",
        "cadence": {"time": "10:00", "every_days": 7, "skip_weekends": False},
    },
    {
        "name": "Seasonal campaign (ja)",
        "language": "ja",
        "template": "【旬の武雄】今が食べごろ、{name}（{producer}）{price}\n{story}\n{link}",
        "cadence": {"time": "19:00", "every_days": 2, "skip_weekends": False},
    },
    {
        "name": "Seasonal campaign (ko)",
        "language": "ko",
        "template": "[제철 다케오] 지금이 가장 맛있는 {name} ({producer}) {price}\n{story}\n{link}",
        "cadence": {"time": "19:00", "every_days": 2, "skip_weekends": False},
    },
    {
        "name": "Seasonal campaign (en)",
        "language": "en",
        "template": "In season in Takeo: {name} from {producer}, {price}\n{story}\n{link}",
        "cadence": {"time": "19:00", "every_days": 2, "skip_weekends": False},
    },
]


def _weekly(days: range | tuple[int, ...], local_time: str) -> list[dict[str, Any]]:
    return [{"weekday": day, "local_time": local_time} for day in days]


# The town's accounts as plans (no credentials): connecting one takes its policy and slots.
CHANNEL_PLANS: list[dict[str, Any]] = [
    {
        "platform": "facebook_page",
        "name": "Fun Buy Takeo",
        "approval_policy": "editor",
        "slots": _weekly((0, 2, 4), "12:00") + _weekly((5,), "10:00"),
    },
    {
        "platform": "instagram",
        "name": "takeo_city",
        "approval_policy": "editor",
        "slots": _weekly((1, 3), "19:00"),
    },
    {
        "platform": "x",
        "name": "Takeo City",
        "approval_policy": "editor",
        "slots": _weekly(range(5), "08:00"),
    },
    {
        "platform": "line",
        "name": "Takeo City LINE",
        "approval_policy": "editor",
        "slots": _weekly((4,), "18:00"),
    },
    # Staff post about their own work on their own accounts, without approval.
    {
        "platform": "x",
        "name": "Tourism desk",
        "owner_kind": "staff",
        "approval_policy": "none",
        "slots": _weekly((0,), "09:00"),
    },
]


def playbook() -> dict[str, Any]:
    """The demo town's playbook: categories, post templates and channel plans."""
    return {
        "format": playbooks.FORMAT,
        "version": playbooks.VERSION,
        "sections": {
            "catalog": {"categories": CATEGORIES},
            "publisher": {"templates": TEMPLATES, "channels": CHANNEL_PLANS},
        },
    }


# Two colours per product: a sky and a ground.
PHOTO_COLOURS = {
    "aged-black-garlic": ((52, 40, 58), (196, 170, 140)),
    "onsen-tofu": ((170, 205, 225), (245, 240, 225)),
    "lemongrass-tea": ((200, 225, 150), (90, 140, 60)),
}
PHOTO_SIZE = (1200, 900)


def photo(slug: str) -> bytes:
    """A simple JPEG for a demo product: a gradient, a sun and hills in the product's colours."""
    top, bottom = PHOTO_COLOURS.get(slug, ((120, 160, 200), (230, 220, 200)))
    width, height = PHOTO_SIZE
    image = Image.new("RGB", PHOTO_SIZE)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        mix = y / (height - 1)
        draw.line(
            [(0, y), (width, y)],
            fill=tuple(round(a + (b - a) * mix) for a, b in zip(top, bottom, strict=True)),
        )
    draw.ellipse((width * 0.62, height * 0.12, width * 0.82, height * 0.39), fill=(250, 235, 190))
    draw.ellipse((-width * 0.2, height * 0.6, width * 0.7, height * 1.4), fill=bottom)
    draw.ellipse((width * 0.35, height * 0.68, width * 1.3, height * 1.5), fill=top)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()
