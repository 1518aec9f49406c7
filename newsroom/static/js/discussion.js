// The discussion's few behaviours that need the page: quoting (with the reader's
// selection), focusing the comment just posted, and opening a linked comment that
// is not on the first page. Everything here has a plain-link fallback.
(function () {
  "use strict";

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
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    focusNewComment(event.detail.elt.ownerDocument ? event.detail.elt : document);
  });
  document.addEventListener("DOMContentLoaded", openLinkedComment);
})();
