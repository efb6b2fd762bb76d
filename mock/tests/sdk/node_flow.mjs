// A realistic app flow with Slack's Node SDK against a running slackline-mock.
//
// Run by hand (not part of `cargo test`):
//
//   cargo run -p slackline-mock -- --port 3000 --rate-limits off &
//   mkdir -p /tmp/nodesdk && cd /tmp/nodesdk && npm init -y && npm install @slack/web-api
//   NODE_PATH=/tmp/nodesdk/node_modules node mock/tests/sdk/node_flow.mjs http://127.0.0.1:3000/api/
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';

const require = createRequire(process.env.NODE_PATH ? `${process.env.NODE_PATH}/` : import.meta.url);
const { WebClient } = require('@slack/web-api');

const base = process.argv[2] ?? 'http://127.0.0.1:3000/api/';
const opts = { slackApiUrl: base, retryConfig: { retries: 0 } };
const bot = new WebClient('xoxb-demo-bot', opts);
const user = new WebClient('xoxp-demo-user', opts);
const GENERAL = 'C0GENERAL';

async function expectError(code, promise) {
  try {
    await promise;
  } catch (e) {
    assert.equal(e.data?.error, code, JSON.stringify(e.data));
    return;
  }
  throw new Error(`expected ${code}`);
}

const me = await bot.auth.test();
assert.equal(me.user_id, 'U0BOT');
assert.equal(me.bot_id, 'B0BOT');

const posted = await bot.chat.postMessage({ channel: GENERAL, text: 'hello from node' });
const ts = posted.ts;
const hist = await user.conversations.history({ channel: GENERAL, limit: 5 });
assert.ok(hist.messages.some((m) => m.ts === ts));
await bot.chat.update({ channel: GENERAL, ts, text: 'edited' });
await bot.reactions.add({ channel: GENERAL, timestamp: ts, name: 'eyes' });
const got = await bot.reactions.get({ channel: GENERAL, timestamp: ts });
assert.equal(got.message.reactions[0].name, 'eyes');
await expectError('already_reacted', bot.reactions.add({ channel: GENERAL, timestamp: ts, name: 'eyes' }));
await bot.chat.delete({ channel: GENERAL, ts });
await expectError('message_not_found', bot.chat.delete({ channel: GENERAL, ts }));
await expectError('channel_not_found', bot.chat.postMessage({ channel: 'CNOPE', text: 'x' }));
await expectError('no_text', bot.chat.postMessage({ channel: GENERAL }));

const alice = await bot.users.info({ user: 'U0ALICE' });
assert.equal(alice.user.name, 'alice');
await expectError('user_not_found', bot.users.info({ user: 'UNOPE' }));
const bob = await bot.users.lookupByEmail({ email: 'bob@example.com' });
assert.equal(bob.user.id, 'U0BOB');

const ids = [];
for await (const page of bot.paginate('users.list', { limit: 1 })) {
  ids.push(...page.members.map((m) => m.id));
}
assert.deepEqual(ids, ['U0ADMIN', 'U0ALICE', 'U0BOB', 'U0BOT', 'U0OWNER']);
const chans = [];
for await (const page of user.paginate('conversations.list', { limit: 1, types: 'public_channel,private_channel' })) {
  chans.push(...page.channels.map((c) => c.id));
}
assert.deepEqual(chans, ['C0GENERAL', 'C0OLDNEWS', 'C0RANDOM', 'C0SECRET']);

const up = await bot.filesUploadV2({
  channel_id: GENERAL,
  file: Buffer.from('node bytes'),
  filename: 'n.txt',
  title: 'From node',
  initial_comment: 'a file',
});
const fileId = up.files[0].files[0].id;
const info = await user.files.info({ file: fileId });
assert.equal(info.file.name, 'n.txt');
assert.equal(info.file.size, 10);
console.log('node flow: ok');
