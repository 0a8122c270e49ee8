// sitrep pages: reader corrections (select text + Ctrl+Enter), evidence selection for analysts,
// keyboard shortcuts in the review queue, the CSRF header for htmx. No inline scripts (CSP).
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="csrf-token"]');
  var csrf = meta ? meta.getAttribute("content") : "";
  document.body.addEventListener("htmx:configRequest", function (e) { e.detail.headers["X-CSRF-Token"] = csrf; });

  function selectionInfo() {
    var sel = window.getSelection();
    var text = sel ? sel.toString().trim() : "";
    var reportId = null;
    if (sel && sel.rangeCount) {
      var node = sel.getRangeAt(0).commonAncestorContainer;
      var el = node.nodeType === 1 ? node : node.parentElement;
      var art = el && el.closest ? el.closest("[data-report-id]") : null;
      if (art) { reportId = art.getAttribute("data-report-id"); }
    }
    return { text: text.slice(0, 2000), reportId: reportId };
  }

  // Reader corrections.
  var dialog = document.getElementById("correct-dialog");
  var form = document.getElementById("correct-form");
  function openCorrection() {
    if (!dialog) { return; }
    var info = selectionInfo();
    document.getElementById("correct-quote").value = info.text;
    document.getElementById("correct-status").textContent = "";
    if (dialog.showModal) { dialog.showModal(); } else { dialog.setAttribute("open", ""); }
  }
  if (dialog) {
    document.getElementById("correct-open").addEventListener("click", openCorrection);
    document.getElementById("correct-cancel").addEventListener("click", function () { dialog.close(); });
    document.addEventListener("keydown", function (e) {
      if ((e.ctrlKey || e.metaKey) && e.key === "Enter" && !dialog.open) { e.preventDefault(); openCorrection(); }
    });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var fd = new FormData(form);
      var body = { event_id: fd.get("event_id"), quote: fd.get("quote") || "", comment: fd.get("comment") || "",
                   field: fd.get("field") || null, new_value: fd.get("new_value") || null };
      var status = document.getElementById("correct-status");
      fetch("/api/corrections", { method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf }, body: JSON.stringify(body) })
        .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, j: j }; }); })
        .then(function (res) {
          if (res.ok) {
            status.textContent = "Thank you: correction #" + res.j.id + " was stored and will be reviewed.";
            form.reset();
            setTimeout(function () { dialog.close(); }, 1500);
          } else {
            status.textContent = "Not sent: " + (typeof res.j.detail === "string" ? res.j.detail : "check the fields");
          }
        })
        .catch(function () { status.textContent = "Not sent: the server could not be reached."; });
    });
  }

  // Analysts: selecting text in a report fills the evidence of the edit form.
  var evQuote = document.getElementById("evidence-quote");
  if (evQuote) {
    document.addEventListener("mouseup", function () {
      var info = selectionInfo();
      if (info.text && info.reportId) {
        evQuote.value = info.text;
        document.getElementById("evidence-report").value = info.reportId;
      }
    });
  }

  // Review queue keyboard shortcuts.
  var queue = document.getElementById("queue");
  if (queue) {
    var items = Array.prototype.slice.call(queue.querySelectorAll(".qitem"));
    var idx = 0;
    function focus(i) {
      if (!items.length) { return; }
      items[idx].classList.remove("current");
      idx = Math.max(0, Math.min(items.length - 1, i));
      items[idx].classList.add("current");
      items[idx].scrollIntoView({ block: "nearest" });
    }
    document.addEventListener("keydown", function (e) {
      var tag = (e.target && e.target.tagName) || "";
      if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || e.ctrlKey || e.metaKey || e.altKey) { return; }
      var cur = items[idx];
      if (!cur) { return; }
      if (e.key === "j") { focus(idx + 1); }
      else if (e.key === "k") { focus(idx - 1); }
      else if (e.key === "o" || e.key === "Enter") { window.location = cur.querySelector("a.open").href; }
      else if (e.key === "c") { cur.querySelector("button.confirm").click(); }
      else if (e.key === "r") { cur.querySelector("button.reject").click(); }
    });
  }
})();
