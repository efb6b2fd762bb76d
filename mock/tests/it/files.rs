//! The file flow: getUploadURLExternal → upload → completeUploadExternal; info, list,
//! delete.

use slackline_mock::{MockSlack, demo};

use crate::support::*;

const BOT: Option<&str> = Some(demo::BOT_TOKEN);
const ALICE: Option<&str> = Some(demo::USER_TOKEN);

/// Announces, uploads (raw bytes) and returns the file id.
async fn upload(m: &MockSlack, token: Option<&str>, name: &str, bytes: &'static [u8]) -> String {
    let len = bytes.len().to_string();
    let r = call(
        m,
        "files.getUploadURLExternal",
        token,
        &[("filename", name), ("length", &len)],
    )
    .await;
    assert!(r.ok(), "{}", r.text);
    let url = r.json["upload_url"].as_str().unwrap().to_owned();
    assert!(url.starts_with(&format!("http://{}/", m.addr())), "{url}");
    let resp = client().post(&url).body(bytes).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.text().await.unwrap(), format!("OK - {}", bytes.len()));
    r.json["file_id"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn upload_share_info_list_delete() {
    let m = mock().await;
    let id = upload(&m, BOT, "report.txt", b"hello file").await;
    let files = format!(r#"[{{"id":"{id}","title":"Report"}}]"#);
    let r = call(
        &m,
        "files.completeUploadExternal",
        BOT,
        &[
            ("files", &files),
            ("channel_id", demo::GENERAL_ID),
            ("initial_comment", "see"),
        ],
    )
    .await;
    assert!(r.ok(), "{}", r.text);
    assert_eq!(r.json["files"][0]["id"], id.as_str());
    assert_eq!(r.json["files"][0]["title"], "Report");
    // Completed once only.
    let r = call(
        &m,
        "files.completeUploadExternal",
        BOT,
        &[("files", &files)],
    )
    .await;
    assert_eq!(r.error(), Some("file_not_found"));

    let r = call(&m, "files.info", ALICE, &[("file", &id)]).await;
    let f = &r.json["file"];
    assert_eq!(f["name"], "report.txt", "{}", r.text);
    assert_eq!(f["size"], 10);
    assert_eq!(f["mimetype"], "text/plain");
    assert_eq!(f["user"], demo::BOT_USER_ID);
    assert_eq!(f["channels"][0], demo::GENERAL_ID);
    // The bytes are served at url_private, to a token of the workspace.
    let url = f["url_private"].as_str().unwrap();
    let body = client()
        .get(url)
        .bearer_auth(demo::USER_TOKEN)
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert_eq!(&body[..], b"hello file");
    // The sharing message.
    let h = call(
        &m,
        "conversations.history",
        BOT,
        &[("channel", demo::GENERAL_ID)],
    )
    .await;
    assert_eq!(h.json["messages"][0]["text"], "see");
    assert_eq!(h.json["messages"][0]["files"][0]["id"], id.as_str());

    let r = call(&m, "files.list", ALICE, &[("channel", demo::GENERAL_ID)]).await;
    assert_eq!(r.json["files"][0]["id"], id.as_str());
    assert_eq!(r.json["paging"]["total"], 1);
    let r = call(&m, "files.list", ALICE, &[("types", "images")]).await;
    assert_eq!(r.json["paging"]["total"], 0);
    let r = call(&m, "files.list", ALICE, &[("types", "bogus")]).await;
    assert_eq!(r.error(), Some("unknown_type"));
    let r = call(&m, "files.list", ALICE, &[("user", "UNOPE")]).await;
    assert_eq!(r.error(), Some("user_not_found"));

    let r = call(&m, "files.delete", ALICE, &[("file", &id)]).await;
    assert_eq!(r.error(), Some("cant_delete_file"));
    assert!(call(&m, "files.delete", BOT, &[("file", &id)]).await.ok());
    let r = call(&m, "files.info", BOT, &[("file", &id)]).await;
    assert_eq!(r.error(), Some("file_deleted"));
    let r = call(&m, "files.delete", BOT, &[("file", &id)]).await;
    assert_eq!(r.error(), Some("file_deleted"));
    let r = call(&m, "files.info", BOT, &[("file", "FNOPE")]).await;
    assert_eq!(r.error(), Some("file_not_found"));
}

#[tokio::test]
async fn upload_errors_and_multipart() {
    let m = mock().await;
    // Not uploaded yet → not found at completion.
    let r = call(
        &m,
        "files.getUploadURLExternal",
        BOT,
        &[("filename", "a.png"), ("length", "3")],
    )
    .await;
    let id = r.json["file_id"].as_str().unwrap().to_owned();
    let files = format!(r#"[{{"id":"{id}"}}]"#);
    let r = call(
        &m,
        "files.completeUploadExternal",
        BOT,
        &[("files", &files)],
    )
    .await;
    assert_eq!(r.error(), Some("file_not_found"));
    // A multipart upload (as Node's client sends it).
    let url = format!("http://{}/_mock/upload/{id}", m.addr());
    let body = "--B0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\nPNG\r\n--B0undary--\r\n";
    let resp = client()
        .post(&url)
        .header("content-type", "multipart/form-data; boundary=B0undary")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.text().await.unwrap(), "OK - 3");
    // Sharing to a channel the bot is not in.
    let r = call(
        &m,
        "files.completeUploadExternal",
        BOT,
        &[("files", &files), ("channel_id", demo::RANDOM_ID)],
    )
    .await;
    assert_eq!(r.error(), Some("not_in_channel"));
    let r = call(
        &m,
        "files.completeUploadExternal",
        BOT,
        &[("files", &files), ("channel_id", "CNOPE")],
    )
    .await;
    assert_eq!(r.error(), Some("channel_not_found"));
    let r = call(
        &m,
        "files.completeUploadExternal",
        BOT,
        &[("files", &files)],
    )
    .await;
    assert_eq!(r.json["files"][0]["mimetype"], "image/png", "{}", r.text);
    // Unshared: only its owner sees it.
    let r = call(&m, "files.info", ALICE, &[("file", &id)]).await;
    assert_eq!(r.error(), Some("file_not_found"));
    // Unknown upload URL.
    let resp = client()
        .post(format!("http://{}/_mock/upload/FNOPE", m.addr()))
        .body("x")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 404);
    let r = call(
        &m,
        "files.getUploadURLExternal",
        BOT,
        &[("filename", "a"), ("length", "0")],
    )
    .await;
    assert_eq!(r.error(), Some("invalid_arguments"));
    let r = call(
        &m,
        "files.getUploadURLExternal",
        BOT,
        &[("filename", "a"), ("length", "99999999999")],
    )
    .await;
    assert_eq!(r.error(), Some("file_upload_size_restricted"));
    let r = call(
        &m,
        "files.completeUploadExternal",
        BOT,
        &[("files", "nope")],
    )
    .await;
    assert_eq!(r.error(), Some("invalid_arguments"));
}

/// Announces a file and sends `bytes` to its upload URL: the id and the HTTP status.
async fn try_upload(m: &MockSlack, bytes: Vec<u8>) -> (String, u16) {
    let len = bytes.len().to_string();
    let r = call(
        m,
        "files.getUploadURLExternal",
        BOT,
        &[("filename", "blob.bin"), ("length", &len)],
    )
    .await;
    assert!(r.ok(), "{}", r.text);
    let url = r.json["upload_url"].as_str().unwrap().to_owned();
    let resp = client().post(&url).body(bytes).send().await.unwrap();
    (
        r.json["file_id"].as_str().unwrap().to_owned(),
        resp.status().as_u16(),
    )
}

async fn complete(m: &MockSlack, id: &str) -> Resp {
    let files = format!(r#"[{{"id":"{id}"}}]"#);
    call(m, "files.completeUploadExternal", BOT, &[("files", &files)]).await
}

/// Uploads never completed cannot make the emulator grow without bound: the bytes it
/// holds stay within `files_max_bytes`, the oldest unfinished uploads dropped first.
#[tokio::test]
async fn uploaded_bytes_stay_within_the_files_budget() {
    const PART: usize = 100_000;
    let m = MockSlack::builder()
        .demo_org()
        .rate_limits(slackline_mock::RateLimits::Off)
        // Three files, and room for the records of a few more (a few hundred bytes each).
        .files_max_bytes(3 * PART + 4_096)
        .start()
        .await
        .unwrap();
    let mut ids = Vec::new();
    for _ in 0..5 {
        let (id, status) = try_upload(&m, vec![b'a'; PART]).await;
        assert_eq!(status, 200);
        ids.push(id);
    }
    // The two oldest were dropped for room; the three newest are whole.
    assert_eq!(complete(&m, &ids[0]).await.error(), Some("file_not_found"));
    assert_eq!(complete(&m, &ids[1]).await.error(), Some("file_not_found"));
    for id in &ids[2..] {
        let r = complete(&m, id).await;
        assert!(r.ok(), "{}", r.text);
        assert_eq!(r.json["files"][0]["size"], PART);
    }
    // Completed files fill the budget: a further upload is refused, not kept.
    let (_, status) = try_upload(&m, vec![b'b'; PART]).await;
    assert_eq!(status, 413);
    // Deleting a file makes room again.
    let r = call(&m, "files.delete", BOT, &[("file", &ids[2])]).await;
    assert!(r.ok(), "{}", r.text);
    let (id, status) = try_upload(&m, vec![b'c'; PART]).await;
    assert_eq!(status, 200);
    assert!(complete(&m, &id).await.ok());
}

/// GET of `url`: (status, body).
async fn download(url: &str, token: Option<&str>) -> (u16, String) {
    let mut req = client().get(url);
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    let resp = req.send().await.unwrap();
    (resp.status().as_u16(), resp.text().await.unwrap())
}

/// `url_private` and `url_private_download` need `Authorization: Bearer` with a token
/// of the file's workspace, with `files:read`, whose user may see the file; the token
/// is never journaled.
#[tokio::test]
async fn downloads_need_a_token_that_may_read_the_file() {
    let m = mock().await;
    m.add_token("xoxp-carol-files", demo::CAROL_ID, &["files:read"]);
    m.add_token("xoxp-bob-files", demo::BOB_ID, &["files:read"]);
    m.clear_journal();
    let id = upload(&m, ALICE, "secret.txt", b"for #secret only").await;
    let files = format!(r#"[{{"id":"{id}"}}]"#);
    let r = call(
        &m,
        "files.completeUploadExternal",
        ALICE,
        &[("files", &files), ("channel_id", demo::SECRET_ID)],
    )
    .await;
    assert!(r.ok(), "{}", r.text);
    let url = r.json["files"][0]["url_private"]
        .as_str()
        .unwrap()
        .to_owned();
    let url_download = r.json["files"][0]["url_private_download"]
        .as_str()
        .unwrap()
        .to_owned();
    for u in [&url, &url_download] {
        assert_eq!(
            download(u, ALICE).await,
            (200, "for #secret only".to_owned())
        );
        assert_eq!(download(u, None).await, (403, "not_authed".to_owned()));
        assert_eq!(
            download(u, Some("xoxp-unknown-token")).await,
            (403, "invalid_auth".to_owned())
        );
        // A member of #secret, but the token lacks files:read.
        assert_eq!(
            download(u, Some(demo::ADMIN_TOKEN)).await,
            (403, "access_denied".to_owned())
        );
        // files:read, but not in #secret; another workspace.
        for other in ["xoxp-bob-files", "xoxp-carol-files"] {
            assert_eq!(
                download(u, Some(other)).await,
                (403, "access_denied".to_owned())
            );
        }
    }
    // An unknown file, with a good token.
    let missing = url.replace(&id, "F0MISSING");
    assert_eq!(
        download(&missing, ALICE).await,
        (404, "file_not_found".to_owned())
    );
    // A malformed Authorization header counts as none.
    let resp = client()
        .get(&url)
        .header("Authorization", "Basic eG94cA==")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 403);
    // Downloads are not journaled: no token, nor the URL, is kept.
    let journal = format!("{:?}", m.journal());
    for secret in [
        demo::USER_TOKEN,
        "xoxp-unknown-token",
        "xoxp-bob-files",
        "_mock/files",
    ] {
        assert!(!journal.contains(secret), "{secret} in {journal}");
    }
    // Deleted: gone for everyone.
    assert!(call(&m, "files.delete", ALICE, &[("file", &id)]).await.ok());
    assert_eq!(
        download(&url, ALICE).await,
        (404, "file_not_found".to_owned())
    );
}

/// Announcing uploads (`files.getUploadURLExternal`) without ever sending them cannot
/// make the emulator grow either: records count against `files_max_bytes` (their names,
/// titles, alt texts), the oldest unfinished ones are dropped for room, and when
/// completed files fill the budget the method answers `storage_limit_reached`.
#[tokio::test]
async fn announced_uploads_stay_within_the_files_budget() {
    let m = MockSlack::builder()
        .demo_org()
        .rate_limits(slackline_mock::RateLimits::Off)
        .files_max_bytes(12_000)
        .start()
        .await
        .unwrap();
    let stored = || async { stats(&m).await["stored"]["file_bytes"].as_u64().unwrap() };
    let announce = |name: String| {
        let m = &m;
        async move {
            call(
                m,
                "files.getUploadURLExternal",
                BOT,
                &[("filename", &name), ("length", "1")],
            )
            .await
        }
    };
    // 20 announcements of 3 000-byte names: only the newest few are kept.
    let mut ids = Vec::new();
    for i in 0..20 {
        let r = announce(format!("{i:02}{}", "n".repeat(3_000))).await;
        assert!(r.ok(), "{}", r.text);
        ids.push(r.json["file_id"].as_str().unwrap().to_owned());
        assert!(stored().await <= 12_000);
    }
    let upload_url = |id: &str| format!("http://{}/_mock/upload/{id}", m.addr());
    // The oldest was dropped: its upload URL is gone.
    let resp = client()
        .post(upload_url(&ids[0]))
        .body("x")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 404);
    // The newest is whole: uploaded and completed, it stays.
    let newest = ids.last().unwrap();
    let resp = client()
        .post(upload_url(newest))
        .body("x")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert!(complete(&m, newest).await.ok());
    // A title that does not fit is refused on completion, and nothing changes.
    let r = announce("t.txt".to_owned()).await;
    let id = r.json["file_id"].as_str().unwrap().to_owned();
    assert_eq!(
        client()
            .post(upload_url(&id))
            .body("y")
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    let files = format!(r#"[{{"id":"{id}","title":"{}"}}]"#, "t".repeat(11_000));
    let r = call(
        &m,
        "files.completeUploadExternal",
        BOT,
        &[("files", &files)],
    )
    .await;
    assert_eq!(r.error(), Some("file_update_failed"), "{}", r.text);
    assert!(complete(&m, &id).await.ok());
    // Completed files are never dropped: with them filling the budget, announcing a
    // file with a long name is refused.
    let r = announce("z".repeat(9_000)).await;
    assert_eq!(r.error(), Some("storage_limit_reached"), "{}", r.text);
    assert!(announce("small.txt".to_owned()).await.ok());
    // Deleting a file does not give its record's room back (its id stays known:
    // `file_deleted`), only its bytes.
    let before = stored().await;
    assert!(
        call(&m, "files.delete", BOT, &[("file", newest)])
            .await
            .ok()
    );
    assert_eq!(stored().await, before - 1);
}
