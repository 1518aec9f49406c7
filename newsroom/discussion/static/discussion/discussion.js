// The discussion's few behaviours that need the page: quoting (with the reader's
// selection), keeping keyboard focus where the reader is across htmx swaps, one polite
// live region for what changed in place, closing forms opened in place (Cancel, Escape),
// a busy Post button that cannot send twice, and opening a linked comment that is not on
// the first page. Everything here has a plain-link or plain-form fallback.
(function () {
  "use strict";

  // One polite live region for a page with a discussion, there from the start so that
  // screen readers watch it; the server words each message (live_region.py) and sends it
  // in an HX-Trigger-After-Settle event. Not role=status: the page's own status messages
  // (a withdrawn story, a notice) keep that role to themselves.
  var region = null;
  if (document.getElementById("comments")) {
    region = document.createElement("div");
    region.className = "visually-hidden";
    region.setAttribute("aria-live", "polite");
    region.setAttribute("aria-atomic", "true");
    document.body.append(region);
  }

  function announce(message) {
    if (!region) return;
    region.textContent = "";
    // Set apart from the clearing, so the same words twice are read twice.
    window.setTimeout(function () { region.textContent = message; }, 100);
  }

  function focusLost() {
    return !document.activeElement || document.activeElement === document.body;
  }

  // "Show more" replaces its own list item with the next threads: focus goes to the first
  // new comment, so the next Tab continues there instead of at the top of the page.
  var more = null;

  function rememberShowMore(elt) {
    var item = elt.closest(".comment-list__more");
    if (item) more = { list: item.parentElement, before: item.previousElementSibling };
  }

  function focusFirstNewThread() {
    var first = more.before ? more.before.nextElementSibling : more.list.firstElementChild;
    more = null;
    var comment = first && first.querySelector(".comment");
    if (comment) comment.focus();
  }

  // Forms opened in place: the control that opened a reply slot, and each comment as it
  // was before its edit form replaced it, so Cancel and Escape can put things back.
  var openers = {};
  var beforeEdit = {};

  function closeForm(form) {
    var slot = form.closest(".comment__reply-slot");
    if (slot) {
      var opener = openers[slot.id];
      delete openers[slot.id];
      slot.replaceChildren();
      if (opener && opener.isConnected) opener.focus();
      else slot.closest(".comment").focus();
      return true;
    }
    var original = beforeEdit[form.id];
    if (!original) return false;
    delete beforeEdit[form.id];
    form.replaceWith(original);
    htmx.process(original);
    var edit = original.querySelector(":scope > .comment__main > .comment__actions [data-edit]");
    (edit || original).focus();
    return true;
  }

  function cancel(button) {
    var form = button.closest("form") || button.closest(".report-form");
    if (!form || !closeForm(form)) window.location.assign(button.dataset.cancel);
  }

  // Post shows that it is working and cannot be pressed again until the answer comes.
  function markBusy(form) {
    var button = form.querySelector("[data-busy-label]");
    if (!button || button.disabled) return;
    form.setAttribute("aria-busy", "true");
    button.disabled = true;
    button.dataset.idleLabel = button.textContent;
    button.textContent = button.dataset.busyLabel;
  }

  function markIdle(form) {
    var button = form.querySelector("[data-busy-label][data-idle-label]");
    if (!button) return;
    form.removeAttribute("aria-busy");
    button.disabled = false;
    button.textContent = button.dataset.idleLabel;
    delete button.dataset.idleLabel;
  }

  function focusNewComment(root) {
    var target = root.querySelector(".comment--focus");
    if (!target) return;
    target.scrollIntoView({ block: "center" });
    target.focus({ preventScroll: true });
  }

  // A link to a comment that is not on the first page goes through the comment's own
  // address once, which puts its thread first. When the server has already placed it
  // (?comment= in the address) and it is still missing, the reader may not see it: the
  // page says so, and going round again would never end.
  function openLinkedComment() {
    var match = /^#comment-(\d+)$/.exec(window.location.hash);
    var placed = new URLSearchParams(window.location.search).has("comment");
    if (match && !placed && !document.getElementById("comment-" + match[1])) {
      window.location.replace("/discussion/comments/" + match[1] + "/");
    }
  }

  function selectionInside(element) {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount) return "";
    var range = selection.getRangeAt(0);
    if (!element.contains(range.commonAncestorContainer)) return "";
    return selection.toString().trim();
  }

  function quote(link) {
    var form = document.getElementById("comment-form");
    if (!form) return false;
    var comment = link.closest(".comment");
    var body = comment && comment.querySelector("[data-comment-body]");
    var text = body ? selectionInside(body) || body.innerText.trim() : "";
    form.querySelector("[name=quoted]").value = link.dataset.quote;
    form.querySelector("[name=quoted_text]").value = text;
    var preview = form.querySelector("[data-quote-preview]");
    preview.hidden = false;
    preview.replaceChildren();
    var source = document.createElement("p");
    source.className = "comment-form__quote-source";
    source.textContent = (link.dataset.quoteAuthor || "A deleted account") + " wrote:";
    var quoted = document.createElement("blockquote");
    quoted.textContent = text;
    var cancel = document.createElement("button");
    cancel.type = "button";
    cancel.className = "link-button";
    cancel.textContent = "Remove quote";
    cancel.addEventListener("click", function () {
      form.querySelector("[name=quoted]").value = "";
      form.querySelector("[name=quoted_text]").value = "";
      preview.hidden = true;
      preview.replaceChildren();
    });
    preview.append(source, quoted, cancel);
    form.querySelector("textarea").focus();
    return true;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-quote]");
    if (link && quote(link)) event.preventDefault();
    var button = event.target.closest("[data-cancel]");
    if (button) cancel(button);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !event.target.closest) return;
    var form = event.target.closest(".comment__reply-slot > *, .comment-form--edit");
    if (form && closeForm(form)) event.preventDefault();
  });
  // A plain form post (htmx has not taken it over): busy until the next page arrives.
  document.addEventListener("submit", function (event) {
    if (!event.defaultPrevented) markBusy(event.target);
  });
  // Back to a page kept in the browser's memory: its buttons work again.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) document.querySelectorAll("form[aria-busy]").forEach(markIdle);
  });

  document.addEventListener("htmx:beforeRequest", function (event) {
    var elt = event.detail.elt;
    var target = event.detail.target;
    if (elt.matches("form")) markBusy(elt);
    if (target && target.classList.contains("comment__reply-slot")) openers[target.id] = elt;
    rememberShowMore(elt);
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    if (event.detail.elt.matches("form")) markIdle(event.detail.elt);
    if (!event.detail.successful) more = null;
  });
  document.addEventListener("htmx:beforeSwap", function (event) {
    var target = event.detail.target;
    var editing = event.detail.requestConfig && event.detail.requestConfig.verb === "get";
    if (editing && target.classList.contains("comment")) {
      beforeEdit[target.id] = target.cloneNode(true);
    }
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    var elt = event.detail.elt;
    focusNewComment(elt);
    if (more) focusFirstNewThread();
    // An edit saved or a comment deleted in place: focus stays in the comment.
    if (focusLost() && elt.isConnected && elt.classList.contains("comment")) elt.focus();
  });
  document.addEventListener("discussion:announce", function (event) {
    announce(event.detail.message);
  });
  document.addEventListener("DOMContentLoaded", openLinkedComment);
})();
