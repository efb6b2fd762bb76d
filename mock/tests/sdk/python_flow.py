"""A realistic app flow with Slack's Python SDK against a running slackline-mock.

Run by hand (not part of `cargo test`):

    cargo run -p slackline-mock -- --port 3000 --rate-limits off &
    python3 -m venv /tmp/sdkvenv && /tmp/sdkvenv/bin/pip install slack_sdk aiohttp
    /tmp/sdkvenv/bin/python mock/tests/sdk/python_flow.py http://127.0.0.1:3000/api/
"""

import asyncio
import sys

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:3000/api/"
BOT = "xoxb-demo-bot"
USER = "xoxp-demo-user"
GENERAL = "C0GENERAL"


def expect_error(code, fn, *args, **kwargs):
    try:
        fn(*args, **kwargs)
    except SlackApiError as e:
        assert e.response["error"] == code, (code, e.response.data)
        return
    raise AssertionError(f"expected {code}")


def sync_flow():
    bot = WebClient(token=BOT, base_url=BASE)
    user = WebClient(token=USER, base_url=BASE)

    me = bot.auth_test()
    assert me["user_id"] == "U0BOT" and me["bot_id"] == "B0BOT", me.data

    posted = bot.chat_postMessage(channel=GENERAL, text="hello from python")
    ts = posted["ts"]
    assert posted["message"]["text"] == "hello from python"

    hist = user.conversations_history(channel=GENERAL, limit=10)
    assert any(m["ts"] == ts for m in hist["messages"]), hist.data

    bot.chat_update(channel=GENERAL, ts=ts, text="edited")
    bot.reactions_add(channel=GENERAL, timestamp=ts, name="thumbsup")
    got = bot.reactions_get(channel=GENERAL, timestamp=ts)
    assert got["message"]["reactions"][0]["name"] == "thumbsup", got.data
    expect_error("already_reacted", bot.reactions_add, channel=GENERAL, timestamp=ts, name="thumbsup")

    reply = bot.chat_postMessage(channel=GENERAL, text="in thread", thread_ts=ts)
    replies = bot.conversations_replies(channel=GENERAL, ts=ts)
    assert [m["text"] for m in replies["messages"]] == ["edited", "in thread"], replies.data
    bot.chat_delete(channel=GENERAL, ts=reply["ts"])
    bot.chat_delete(channel=GENERAL, ts=ts)
    expect_error("message_not_found", bot.chat_delete, channel=GENERAL, ts=ts)

    expect_error("channel_not_found", bot.chat_postMessage, channel="CNOPE", text="x")
    expect_error("not_in_channel", bot.chat_postMessage, channel="C0RANDOM", text="x")
    expect_error("no_text", bot.chat_postMessage, channel=GENERAL)
    expect_error("invalid_blocks_format", bot.chat_postMessage, channel=GENERAL, blocks="not json")

    alice = bot.users_info(user="U0ALICE")
    assert alice["user"]["name"] == "alice"
    expect_error("user_not_found", bot.users_info, user="UNOPE")
    found = bot.users_lookupByEmail(email="bob@example.com")
    assert found["user"]["id"] == "U0BOB"
    expect_error("users_not_found", bot.users_lookupByEmail, email="nobody@example.com")

    ids = []
    for page in bot.users_list(limit=1):
        ids += [m["id"] for m in page["members"]]
    assert ids == ["U0ADMIN", "U0ALICE", "U0BOB", "U0BOT", "U0OWNER"], ids
    chans = []
    for page in user.conversations_list(limit=1, types="public_channel,private_channel"):
        chans += [c["id"] for c in page["channels"]]
    assert chans == ["C0GENERAL", "C0OLDNEWS", "C0RANDOM", "C0SECRET"], chans

    up = bot.files_upload_v2(channel=GENERAL, content="a,b\n1,2\n", filename="data.csv",
                             title="Data", initial_comment="the numbers")
    file_id = up["file"]["id"] if "file" in up else up["files"][0]["id"]
    info = user.files_info(file=file_id)
    assert info["file"]["name"] == "data.csv" and info["file"]["size"] == 8, info.data
    listed = user.files_list(channel=GENERAL)
    assert listed["files"][0]["id"] == file_id
    found = user.search_messages(query="numbers")
    assert found["messages"]["total"] == 1, found.data
    bot.files_delete(file=file_id)
    expect_error("file_deleted", bot.files_info, file=file_id)
    print("python sync flow: ok")


async def async_flow():
    bot = AsyncWebClient(token=BOT, base_url=BASE)
    posted = await bot.chat_postMessage(channel=GENERAL, text="async hello")
    hist = await bot.conversations_history(channel=GENERAL, limit=1)
    assert hist["messages"][0]["ts"] == posted["ts"], hist.data
    info = await bot.users_info(user="U0BOB")
    assert info["user"]["id"] == "U0BOB"
    up = await bot.files_upload_v2(channel=GENERAL, content="async bytes", filename="a.txt")
    assert up["files"][0]["name"] == "a.txt", up.data
    try:
        await bot.users_info(user="UNOPE")
        raise AssertionError("expected user_not_found")
    except SlackApiError as e:
        assert e.response["error"] == "user_not_found"
    print("python async flow: ok")


sync_flow()
asyncio.run(async_flow())
