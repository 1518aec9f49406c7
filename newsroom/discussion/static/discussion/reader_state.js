// A signed-in reader may be served the shared copy of a page, the same bytes every
// reader gets (core/page_cache.py); this script makes it theirs without rendering it
// again, from one small request for their own state (views.reader_state): the account
// links, the token their forms send, and on an article their votes, what they may do to
// each comment and the comment form. The controls it builds are the ones
// _vote_buttons.html and _comment.html render for a signed-in reader; a browser test
// compares the two.
//
// A page rendered for a signed-in reader says whether they may be served shared copies
// (body data-reader: "shared", or "personal" for staff and moderators); the answer is kept
// in a cookie the page cache reads. Without JavaScript there is no cookie, and every page
// is rendered for the reader.
(function () {
  "use strict";

  var COOKIE = "newsroom_shared";
  var body = document.body;

  function remember(shared) {
    var secure = window.location.protocol === "https:" ? "; Secure" : "";
    var value = shared ? "1; max-age=31536000" : "; max-age=0";
    document.cookie = COOKIE + "=" + value + "; path=/; SameSite=Lax" + secure;
  }

  function remembered() {
    return document.cookie.split("; ").some(function (c) { return c.indexOf(COOKIE + "=") === 0; });
  }

  function fragment(html) {
    var template = document.createElement("template");
    template.innerHTML = html.trim();
    return template.content;
  }

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text) node.textContent = text;
    return node;
  }

  function process(node) {
    if (window.htmx) window.htmx.process(node);
  }

  function voteForm(comment, pk, vote, url, csrf) {
    var box = comment.querySelector(":scope > .vote");
    var score = box && box.querySelector(":scope > .vote__score");
    if (!score) return;
    var name = comment.dataset.author || "a deleted account";
    var current = score.textContent.trim();
    var form = element("form", {
      method: "post", action: url, "hx-post": url, "hx-target": "#vote-" + pk, "hx-swap": "outerHTML",
    });
    form.append(element("input", { type: "hidden", name: "csrfmiddlewaretoken", value: csrf }));
    [["up", 1, "\u25B2"], ["down", -1, "\u25BC"]].forEach(function (way, index) {
      var pressed = vote === way[1];
      var button = element("button", {
        type: "submit",
        id: "vote-" + way[0] + "-" + pk,
        name: "value",
        value: pressed ? "clear" : way[0],
        class: "vote__button vote__button--" + way[0],
        "aria-pressed": pressed ? "true" : "false",
        "aria-label": "Vote " + way[0] + " comment by " + name + ", current score " + current,
      }, way[2]);
      if (index === 0) form.append(button);
      else form.append(score, button);
    });
    box.prepend(form);
    process(form);
  }

  function actionLinks(comment, pk, allowed, urls) {
    var actions = comment.querySelector(":scope > .comment__main > .comment__actions");
    if (!actions) return;
    var name = comment.dataset.author;
    var by = name ? " by " + name : "";
    var reply = urls.reply;
    if (allowed.reply) {
      actions.append(element("a", {
        href: reply, "hx-get": reply, "hx-target": "#reply-slot-" + pk, "aria-label": "Reply to comment" + by,
      }, "Reply"));
      actions.append(element("a", {
        href: reply + "?quote", "data-quote": pk, "data-quote-author": name, "aria-label": "Quote comment" + by,
      }, "Quote"));
    }
    if (allowed.report) {
      actions.append(element("a", {
        href: urls.report, "hx-get": urls.report, "hx-target": "#reply-slot-" + pk,
        "aria-label": "Report comment" + by,
      }, "Report"));
    }
    if (allowed.edit) {
      actions.append(element("a", {
        href: urls.edit, "data-edit": "", "hx-get": urls.edit, "hx-target": "#comment-" + pk, "hx-swap": "outerHTML",
      }, "Edit"));
    }
    if (allowed.delete) {
      actions.append(element("a", {
        href: urls.delete, "hx-post": urls.delete, "hx-target": "#comment-" + pk, "hx-swap": "outerHTML",
        "hx-confirm": "Delete your comment? Replies to it stay.",
      }, "Delete"));
    }
    process(actions);
  }

  // The same rules as cards.comment_card, for a reader who is not staff or a moderator.
  function applyDiscussion(section, state, csrf) {
    var login = section.querySelector(":scope > .discussion__login");
    if (login && state.footer) {
      var footer = fragment(state.footer);
      var added = Array.from(footer.children);
      login.replaceWith(footer);
      added.forEach(process);
    }
    section.querySelectorAll(".comment[id^='comment-']").forEach(function (comment) {
      var pk = comment.id.slice("comment-".length);
      var own = pk in state.own;  // the reader's own, which they may delete
      var answer = comment.hasAttribute("data-live") && state.can_post;
      var urls = {};
      Object.keys(state.urls).forEach(function (name) {
        urls[name] = state.urls[name].replace("/0/", "/" + pk + "/");
      });
      if (answer && !own) voteForm(comment, pk, state.votes[pk] || 0, urls.vote, csrf);
      actionLinks(comment, pk, {
        reply: answer,
        report: answer && !own,
        edit: own && state.own[pk],
        delete: own,
      }, urls);
    });
  }

  // Comments only this reader sees here (their own held ones; everyone's, for a
  // moderator) cannot be in a shared copy: the discussion is fetched as rendered for them.
  function applyPersonal() {
    // Not from the browser's cache, which holds the shared copy at this same address.
    var asked = { headers: { "HX-Request": "true" }, credentials: "same-origin", cache: "no-store" };
    return fetch(window.location.href, asked)
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.text();
      })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, "text/html");
        if (page.body.dataset.reader !== "shared") remember(false);
        [".account-nav", "#comments"].forEach(function (selector) {
          var mine = page.querySelector(selector);
          var shown = document.querySelector(selector);
          if (mine && shown) {
            shown.replaceWith(mine);
            process(mine);
          }
        });
        body.setAttribute("hx-headers", page.body.getAttribute("hx-headers") || "{}");
      });
  }

  function apply(state) {
    if (!state.signed_in) {
      remember(false);  // signed out, or the session ended
      return null;
    }
    if (state.personal) return applyPersonal();
    body.setAttribute("hx-headers", JSON.stringify({ "X-CSRFToken": state.csrf }));
    var nav = document.querySelector(".account-nav");
    if (nav) {
      var account = fragment(state.account).firstElementChild;
      nav.replaceWith(account);
      process(account);
    }
    var section = document.getElementById("comments");
    if (section && state.discussion) applyDiscussion(section, state.discussion, state.csrf);
    return null;
  }

  function loadState() {
    var query = new URLSearchParams();
    var section = document.getElementById("comments");
    var ids = [];
    if (section) {
      section.querySelectorAll(".comment[id^='comment-']").forEach(function (comment) {
        ids.push(comment.id.slice("comment-".length));
      });
      query.set("article", section.dataset.article);
      query.set("sort", section.dataset.sort);
    }
    query.set("ids", ids.join(","));
    fetch(body.dataset.stateUrl + "?" + query, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(apply)
      .then(function () { body.dataset.readerState = "applied"; })
      .catch(function () {
        // The page stays as anonymous readers see it; the next one is rendered for the
        // reader, and says again whether they may share.
        remember(false);
        body.dataset.readerState = "failed";
      });
  }

  // Signing out ends the sharing with it.
  document.addEventListener("submit", function (event) {
    if (event.target.matches("[data-sign-out]")) remember(false);
  });

  var reader = body.dataset.reader;
  if (reader === "shared") remember(true);
  else if (reader === "personal") remember(false);
  else if (remembered()) loadState();  // a shared copy, served to a signed-in reader
})();
