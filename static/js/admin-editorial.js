/* The admin's editing safety net (the reader pages load no JavaScript):
 * - leaving a change form with unsaved changes asks first;
 * - what is typed is kept on the server a few seconds after each change and as the page closes
 *   (AutosaveAdminMixin), with a copy in this browser while the server can't be reached;
 * - unsaved changes found on opening are offered back;
 * - an image in the editor without a description (alt text) is asked about at once;
 * - long text fields count their characters as people type, and keep a paste past the limit whole (the server
 *   then says what is too long) instead of the browser cutting it mid-word without a word.
 * The editor itself is django-ckeditor-5's CKEditor 5 build; its instances are in window.editors. */
(function () {
  "use strict";
  var AUTOSAVE_DELAY = 2000;

  function ready(fn) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fn);
    else fn();
  }

  function eachEditor(callback) {
    // django-ckeditor-5 creates editors asynchronously after DOMContentLoaded: wait for each one.
    var seen = {};
    var textareas = document.querySelectorAll("textarea.django_ckeditor_5");
    var tries = 0;
    (function poll() {
      var editors = window.editors || {};
      var pending = 0;
      textareas.forEach(function (textarea) {
        if (textarea.id.indexOf("__prefix__") !== -1) return;
        if (editors[textarea.id] && !seen[textarea.id]) {
          seen[textarea.id] = true;
          callback(editors[textarea.id], textarea);
        } else if (!editors[textarea.id]) {
          pending += 1;
        }
      });
      if (pending && tries++ < 300) window.setTimeout(poll, 100);
    })();
  }

  function formFields(form) {
    var data = new FormData();
    new FormData(form).forEach(function (value, key) {
      if (typeof value === "string") data.append(key, value);  // files can't be kept; text can
    });
    return data;
  }

  function setField(form, name, values) {
    var fields = form.querySelectorAll('[name="' + CSS.escape(name) + '"]');
    fields.forEach(function (field) {
      if (field.type === "file" || field.type === "submit" || field.type === "button") return;
      if (field.type === "checkbox" || field.type === "radio") {
        field.checked = values.indexOf(field.value) !== -1 || (field.type === "checkbox" && values.indexOf("on") !== -1 && field.value === "on");
      } else if (field.tagName === "SELECT") {
        Array.prototype.forEach.call(field.options, function (option) {
          option.selected = values.indexOf(option.value) !== -1;
        });
      } else {
        field.value = values[0] || "";
        var editor = (window.editors || {})[field.id];
        if (editor) editor.setData(field.value);
      }
    });
  }

  function imagesWithoutAlt(editor) {
    var found = [];
    var range = editor.model.createRangeIn(editor.model.document.getRoot());
    for (var item of range.getItems()) {
      if ((item.is("element", "imageBlock") || item.is("element", "imageInline")) && !(item.getAttribute("alt") || "").trim()) {
        found.push(item);
      }
    }
    return found;
  }

  function askForAlt(editor, textarea) {
    var box = document.createElement("div");
    box.className = "alt-text-prompt";
    box.hidden = true;
    box.setAttribute("role", "group");
    box.setAttribute("aria-label", "Describe the image");
    box.innerHTML = '<p><strong>Describe this image for people who can\u2019t see it.</strong> ' +
      'Every image needs a description (alt text) before the page can be saved.</p>' +
      '<label>Description <input type="text" size="60" class="alt-text-input"></label> ' +
      '<button type="button" class="button alt-text-save">Add description</button>';
    textarea.parentNode.insertBefore(box, textarea.nextSibling);
    var input = box.querySelector(".alt-text-input");
    function check() {
      var missing = imagesWithoutAlt(editor);
      var uploading = missing.some(function (image) { return !image.getAttribute("src") || image.getAttribute("uploadId"); });
      box.hidden = missing.length === 0 || uploading;
    }
    function save() {
      var text = input.value.trim();
      var missing = imagesWithoutAlt(editor);
      if (!text || !missing.length) return;
      editor.model.change(function (writer) { writer.setAttribute("alt", text, missing[0]); });
      input.value = "";
      check();
    }
    box.querySelector(".alt-text-save").addEventListener("click", save);
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); save(); }
    });
    editor.model.document.on("change:data", check);
    check();
  }

  ready(function () {
    var form = document.querySelector("body.change-form #content-main form[method=post]");
    if (!form) return;
    var dirty = false;
    var submitting = false;
    var box = document.getElementById("autosave");
    var url = box && box.dataset.url;
    var status = box && box.querySelector(".autosave-status");
    var localKey = url ? "autosave:" + url + ":" + (box.dataset.object || "new") : null;
    var timer = null;
    var unsent = false;

    function say(text) { if (status) status.textContent = text; }

    function payload() {
      var data = formFields(form);
      data.append("_autosave_object", box.dataset.object || "");
      return data;
    }

    function keepLocally() {
      if (!localKey) return;
      try {
        var copy = {};
        formFields(form).forEach(function (value, key) { (copy[key] = copy[key] || []).push(value); });
        window.localStorage.setItem(localKey, JSON.stringify({savedAt: Date.now(), data: copy}));
      } catch (error) { /* storage full or refused: the server copy is the main one */ }
    }

    function send() {
      timer = null;
      if (!url || submitting) return;
      unsent = false;
      fetch(url, {method: "POST", body: payload(), credentials: "same-origin", redirect: "manual",
                  headers: {"X-Requested-With": "fetch"}})
        .then(function (response) {
          if (response.type === "opaqueredirect" || response.status === 401 || response.status === 403) {
            keepLocally();
            say("Your session has ended, so changes can\u2019t be kept on the server. Sign in again in another tab, then save here; your text is kept in this browser meanwhile.");
            return;
          }
          return response.json().then(function (result) {
            if (!response.ok) throw new Error(result.error || response.status);
            if (localKey) window.localStorage.removeItem(localKey);
            say(result.message);
          });
        })
        .catch(function () {
          unsent = true;
          keepLocally();
          say("Can\u2019t reach the server: your changes are kept in this browser and will be sent when the connection is back.");
        });
    }

    function changed() {
      dirty = true;
      if (!url) return;
      unsent = true;
      if (timer) window.clearTimeout(timer);
      timer = window.setTimeout(send, AUTOSAVE_DELAY);
    }

    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    eachEditor(function (editor, textarea) {
      editor.model.document.on("change:data", changed);
      askForAlt(editor, textarea);
    });
    form.addEventListener("submit", function () { submitting = true; });
    window.addEventListener("online", function () { if (unsent) send(); });
    if (form.querySelector(".errornote, .errorlist")) {
      // A refused save shows what was typed, not what is saved: it counts as unsaved (leaving asks first)
      // and is kept on the server at once, to be offered back if the page is closed anyway.
      dirty = true;
      if (url) send();
    }

    window.addEventListener("beforeunload", function (event) {
      if (dirty && !submitting) {
        event.preventDefault();
        event.returnValue = "";  // the browser shows its own "Leave site? Changes you made may not be saved."
      }
    });
    function flush() {
      // The tab is hidden, closing or navigating away: send what the timer hasn't yet, in a request that
      // outlives the page, and keep a copy in this browser in case it doesn't arrive.
      if (url && unsent && !submitting) {
        if (timer) window.clearTimeout(timer);
        unsent = false;
        keepLocally();
        navigator.sendBeacon(url, payload());
      }
    }
    window.addEventListener("pagehide", flush);
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") flush();
    });

    // Unsaved changes found on opening: offered back, never applied without asking.
    var offer = document.querySelector(".autosave-offer");
    var saved = document.getElementById("autosave-data");
    var local = null;
    if (!saved && localKey) {
      try { local = JSON.parse(window.localStorage.getItem(localKey) || "null"); } catch (error) { local = null; }
      if (local && box) {
        offer = document.createElement("div");
        offer.className = "autosave-offer";
        offer.setAttribute("role", "alert");
        offer.innerHTML = "<p><strong>This browser kept changes you hadn\u2019t saved (" +
          new Date(local.savedAt).toLocaleString() + ").</strong></p>" +
          '<button type="button" class="button" id="autosave-restore">Restore my unsaved changes</button> ' +
          '<button type="button" class="button" id="autosave-discard">Discard them</button>';
        box.insertBefore(offer, box.firstChild);
      }
    }
    if (offer) {
      var restoreData = saved ? JSON.parse(saved.textContent) : {data: local.data, version: "", versionField: ""};
      document.getElementById("autosave-restore").addEventListener("click", function () {
        Object.keys(restoreData.data).forEach(function (name) { setField(form, name, restoreData.data[name]); });
        if (restoreData.versionField && restoreData.version) {
          // The conflict check compares against the version these changes were made on, not the one just loaded.
          setField(form, restoreData.versionField, [restoreData.version]);
        }
        offer.remove();
        dirty = true;
        say("Your unsaved changes are back in the form. Check them and save.");
      });
      document.getElementById("autosave-discard").addEventListener("click", function () {
        var data = new FormData();
        data.append("_autosave_object", box.dataset.object || "");
        data.append("_discard", "1");
        data.append("csrfmiddlewaretoken", form.querySelector("[name=csrfmiddlewaretoken]").value);
        fetch(url, {method: "POST", body: data, credentials: "same-origin"});
        if (localKey) window.localStorage.removeItem(localKey);
        offer.remove();
        say("Unsaved changes discarded.");
      });
    }
  });

  ready(function () {
    document.querySelectorAll("#content-main form input[type=text][maxlength]").forEach(function (input) {
      var limit = parseInt(input.getAttribute("maxlength"), 10);
      if (!(limit >= 100)) return;
      input.removeAttribute("maxlength");
      var counter = document.createElement("div");
      counter.className = "char-count help";
      counter.id = input.id + "-count";
      input.insertAdjacentElement("afterend", counter);
      input.setAttribute("aria-describedby", ((input.getAttribute("aria-describedby") || "") + " " + counter.id).trim());
      function update() {
        var count = input.value.length;
        counter.textContent = count + " of " + limit + " characters" +
          (count > limit ? ": " + (count - limit) + " too many" : "");
        counter.classList.toggle("too-long", count > limit);
      }
      input.addEventListener("input", update);
      update();
    });
  });
})();
