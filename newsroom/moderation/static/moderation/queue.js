// The moderation queue's keyboard and focus: j/k move between comments, a approves and
// r rejects (with the reason chosen in the item) the comment in focus; after a decision
// made in place, focus moves to the next comment still waiting. Every decision is also a
// plain form that works without this file.
(function () {
  "use strict";

  // A refused decision (409) carries its message: show it in place like a success.
  if (window.htmx) {
    htmx.config.responseHandling = [
      { code: "204", swap: false },
      { code: "[234]..", swap: true, error: false },
      { code: "...", swap: false, error: true },
    ];
  }

  function items() {
    return Array.prototype.slice.call(document.querySelectorAll(".mod-item"));
  }

  function current() {
    var active = document.activeElement;
    return active && active.closest ? active.closest(".mod-item") : null;
  }

  function focusItem(item) {
    if (!item) return;
    item.scrollIntoView({ block: "nearest" });
    item.focus({ preventScroll: true });
  }

  function move(step) {
    var all = items();
    var index = all.indexOf(current());
    focusItem(all[index === -1 ? 0 : Math.min(Math.max(index + step, 0), all.length - 1)]);
  }

  function decide(action) {
    var item = current() || items()[0];
    var button = item && item.querySelector('[data-shortcut="' + action + '"]');
    if (button) button.click();
  }

  function typing(target) {
    return target.closest && target.closest("input, textarea, select, [contenteditable]");
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) return;
    var keys = { j: function () { move(1); }, k: function () { move(-1); },
                 a: function () { decide("approve"); }, r: function () { decide("reject"); } };
    if (keys[event.key]) {
      event.preventDefault();
      keys[event.key]();
    }
  });

  // After a decision, the next comment still waiting takes the focus.
  document.addEventListener("htmx:afterSwap", function (event) {
    var decided = event.detail.target;
    if (!decided || !decided.id || !decided.id.startsWith("mod-comment-")) return;
    var swapped = document.getElementById(decided.id);
    var all = items();
    var next = all.slice(all.indexOf(swapped) + 1).find(function (item) {
      return !item.classList.contains("mod-item--decided");
    });
    focusItem(next || swapped);
  });

  // A confirmation opened in place closes with its Cancel link or Escape.
  document.addEventListener("click", function (event) {
    var cancel = event.target.closest && event.target.closest(".mod-confirm [data-mod-cancel]");
    if (!cancel) return;
    event.preventDefault();
    var box = cancel.closest(".mod-confirm");
    box.innerHTML = "";
    focusItem(box.closest(".mod-item"));
  });
  document.addEventListener("keydown", function (event) {
    var box = event.key === "Escape" && event.target.closest && event.target.closest(".mod-confirm");
    if (box) {
      box.innerHTML = "";
      focusItem(box.closest(".mod-item"));
    }
  });

  // A confirmation loaded in place puts the cursor in its reason.
  document.addEventListener("htmx:afterSettle", function (event) {
    var reason = event.detail.target.querySelector && event.detail.target.querySelector(".mod-confirm textarea");
    if (event.detail.target.classList.contains("mod-confirm") && reason) reason.focus();
  });
})();
