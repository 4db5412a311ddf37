"""The order in which a preview update writes its pages (portal_mkdocs/page_queue.py): a page a
request waits for first, and the request let go once it is written."""

from __future__ import annotations

import threading
import time

from portal_mkdocs.page_queue import PageQueue
from portal_mkdocs.preview_serve import dest_uri

PAGES = ["truong/a/2024-2025/index.html", "truong/b/2024-2025/index.html", "van-ban/qd-1/index.html"]


def asked(queue: PageQueue, page: str) -> None:
    """Until a request for `page` waits in `queue` (it runs in another thread)."""
    deadline = time.monotonic() + 10
    while page not in queue._asked:  # the test observes the request's effect
        assert time.monotonic() < deadline, f"{page} was never asked for"
        time.sleep(0.01)


def test_pages_are_written_in_order_when_nobody_asks() -> None:
    queue = PageQueue(PAGES)
    order = []
    while (page := queue.take()) is not None:
        order.append(page)
        queue.written(page)
    assert order == PAGES


def test_a_page_asked_for_is_written_next_and_its_request_waits_for_it() -> None:
    queue = PageQueue(PAGES)
    first = queue.take()  # the writer is busy with the first page
    served: list[str] = []
    request = threading.Thread(target=lambda: (queue.wait_for(PAGES[-1]), served.append(PAGES[-1])))
    request.start()
    asked(queue, PAGES[-1])
    assert served == []  # not written yet: the request waits
    assert first is not None
    queue.written(first)
    assert queue.take() == PAGES[-1]  # before the page that was next in order
    assert served == []
    queue.written(PAGES[-1])
    request.join(timeout=10)
    assert served == [PAGES[-1]]
    assert queue.take() == PAGES[1]
    assert queue.take() is None


def test_a_page_written_or_not_rewritten_is_served_at_once() -> None:
    queue = PageQueue(PAGES)
    page = queue.take()
    assert page is not None
    queue.written(page)
    queue.wait_for(page)  # returns: written already
    queue.wait_for("nguoi/x/index.html")  # returns: not part of this update
    PageQueue().wait_for(PAGES[0])  # before any update


def test_a_writer_that_stops_lets_every_request_go() -> None:
    queue = PageQueue(PAGES)
    request = threading.Thread(target=queue.wait_for, args=(PAGES[1],))
    request.start()
    asked(queue, PAGES[1])
    queue.release()
    request.join(timeout=10)
    assert not request.is_alive()
    assert queue.take() is None


def test_a_request_path_names_the_file_mkdocs_serves() -> None:
    assert dest_uri("/truong/a/2024-2025/", "/") == "truong/a/2024-2025/index.html"
    assert dest_uri("/truong/a/2024-2025/index.html", "/") == "truong/a/2024-2025/index.html"
    assert dest_uri("/portal/nguoi/x/", "/portal/") == "nguoi/x/index.html"
    assert dest_uri("/other/nguoi/x/", "/portal/") is None
    assert dest_uri("/", "/") == "index.html"
    assert dest_uri("/../../etc/passwd", "/") == "etc/passwd"  # normalised as MkDocs does
    # A Vietnamese path arrives as WSGI's latin-1 text of its UTF-8 bytes.
    assert dest_uri("/tìm/".encode().decode("latin-1"), "/") == "tìm/index.html"
