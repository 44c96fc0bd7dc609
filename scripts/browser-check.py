#!/usr/bin/env python3
"""Open pages in headless Chromium and report what a person's browser would see.

Drives Chromium through the DevTools protocol over --remote-debugging-pipe (file descriptors 3
and 4, NUL-separated JSON), so it needs nothing but Python's standard library and a Chromium.

Reads a JSON spec on stdin:
  {"pages": [{"url": "file:///…/index.html", "width": 1280, "height": 900,
              "steps": ["JS expression", …], "screenshot": "/path/shot.png"}]}
Each step is evaluated in the page after load (promises awaited); its value, made JSON, is kept.
Writes JSON on stdout: {"pages": [{"url", "steps": [values], "console": [errors],
  "exceptions": [texts], "requests": [urls]}]}.
Exit status 0 when the browser ran (the caller judges the results), 2 when it could not.
"""
import base64, fcntl, json, os, shutil, subprocess, sys, tempfile, time

TIMEOUT = 30.0


def find_chromium():
    for name in (os.environ.get("CHROMIUM"), "chromium", "chromium-browser", "google-chrome"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


class Browser:
    def __init__(self, binary):
        self.profile = tempfile.mkdtemp(prefix="promptlint-chromium-")
        log = open(os.path.join(self.profile, "stderr.log"), "wb")
        to_child_r, self.to_child = os.pipe()
        self.from_child, from_child_w = os.pipe()

        def wire():
            # Move both ends above 4 first, so neither dup2 can clobber the other.
            read_end = fcntl.fcntl(to_child_r, fcntl.F_DUPFD, 10)
            write_end = fcntl.fcntl(from_child_w, fcntl.F_DUPFD, 10)
            os.dup2(read_end, 3)
            os.dup2(write_end, 4)

        flags = ["--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe", "--no-first-run",
                 "--no-default-browser-check", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-extensions", "--disable-default-apps", "--mute-audio",
                 "--hide-scrollbars", "--user-data-dir=" + self.profile, "about:blank"]
        self.process = subprocess.Popen([binary] + flags, preexec_fn=wire, pass_fds=(3, 4),
                                        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=log)
        os.close(to_child_r)
        os.close(from_child_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []

    def send(self, method, params=None, session=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_child, json.dumps(message).encode() + b"\0")
        wanted = self.next_id
        deadline = time.time() + TIMEOUT
        while time.time() < deadline:
            reply = self.read()
            if reply.get("id") == wanted:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)
        raise TimeoutError(method)

    def read(self):
        while b"\0" not in self.buffer:
            chunk = os.read(self.from_child, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def wait_for(self, method, session):
        deadline = time.time() + TIMEOUT
        for index, event in enumerate(self.events):
            if event.get("method") == method and event.get("sessionId") == session:
                del self.events[index]
                return event
        while time.time() < deadline:
            event = self.read()
            if event.get("method") == method and event.get("sessionId") == session:
                return event
            self.events.append(event)
        raise TimeoutError(method)

    def close(self):
        try:
            self.send("Browser.close")
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


def check_page(browser, page):
    target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    for domain in ("Page", "Runtime", "Log", "Network"):
        browser.send(domain + ".enable", session=session)
    width, height = page.get("width", 1280), page.get("height", 900)
    browser.send("Emulation.setDeviceMetricsOverride",
                 {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 700}, session=session)
    browser.send("Page.navigate", {"url": page["url"]}, session=session)
    browser.wait_for("Page.loadEventFired", session)
    steps = []
    for expression in page.get("steps", []):
        result = browser.send("Runtime.evaluate", {"expression": expression, "awaitPromise": True, "returnByValue": True},
                              session=session)
        if "exceptionDetails" in result:
            steps.append({"error": result["exceptionDetails"].get("exception", {}).get("description", "exception")})
        else:
            steps.append(result.get("result", {}).get("value"))
    if page.get("screenshot"):
        metrics = browser.send("Page.getLayoutMetrics", session=session)
        size = metrics.get("cssContentSize") or metrics["contentSize"]
        clip = {"x": 0, "y": 0, "width": width, "height": min(size["height"], page.get("max_height", 6000)), "scale": 1}
        shot = browser.send("Page.captureScreenshot", {"format": "png", "clip": clip, "captureBeyondViewport": True},
                            session=session)
        with open(page["screenshot"], "wb") as out:
            out.write(base64.b64decode(shot["data"]))
    # Let late events (a request started by a script, a deferred error) arrive.
    browser.send("Runtime.evaluate", {"expression": "new Promise(r => setTimeout(r, 100))", "awaitPromise": True},
                 session=session)
    console, exceptions, requests = [], [], []
    for event in browser.events:
        if event.get("sessionId") != session:
            continue
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            console.append(" ".join(str(arg.get("value", arg.get("description", ""))) for arg in params.get("args", [])))
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            console.append(params["entry"].get("text", ""))
        elif method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            exceptions.append(details.get("exception", {}).get("description") or details.get("text", ""))
        elif method == "Network.requestWillBeSent":
            requests.append(params.get("request", {}).get("url", ""))
    browser.events = [event for event in browser.events if event.get("sessionId") != session]
    browser.send("Target.closeTarget", {"targetId": target})
    return {"url": page["url"], "steps": steps, "console": console, "exceptions": exceptions, "requests": requests}


def main():
    spec = json.load(sys.stdin)
    binary = find_chromium()
    if not binary:
        print("browser-check: no chromium on PATH (apt-get install chromium)", file=sys.stderr)
        return 2
    browser = Browser(binary)
    try:
        results = [check_page(browser, page) for page in spec["pages"]]
    except Exception as error:
        print(f"browser-check: {error}", file=sys.stderr)
        return 2
    finally:
        browser.close()
    json.dump({"pages": results}, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
