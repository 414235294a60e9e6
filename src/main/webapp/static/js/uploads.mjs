// A message with files is posted as a multipart form in the background (same URL as without
// scripts); files come from the button, a drop on the composer or a paste.
import { newId } from "./page.mjs";

/** What the status line says when the server refused the files. */
export function uploadRefusal(status, text) {
  return status === 413 ? "Those files are too large to send." : (text || "The files could not be sent.");
}

export function uploadWithFiles(form) {
  var data = new FormData(form);
  data.set("clientMsgId", newId());
  var status = document.getElementById("composer-status");
  status.className = "status";
  status.textContent = "Uploading…";
  fetch(form.getAttribute("action"), {
    method: "POST", body: data, credentials: "same-origin", headers: { "HX-Request": "true" }
  }).then(function (response) {
    if (response.ok) {
      form.reset();
      showChosenFiles(form);
      status.textContent = "";
      return;
    }
    return response.text().then(function (text) {
      status.className = "status error";
      status.setAttribute("role", "alert");
      status.textContent = uploadRefusal(response.status, text);
    });
  }, function () {
    status.className = "status error";
    status.textContent = "The files could not be sent: no connection.";
  });
}

function showChosenFiles(form) {
  var input = form.querySelector("input[type=file]");
  var list = form.querySelector(".chosen-files");
  if (!input || !list) return;
  list.textContent = Array.prototype.map.call(input.files, function (f) { return f.name; }).join(", ");
}

function addFiles(form, fileList) {
  var input = form.querySelector("input[type=file]");
  if (!input || !fileList || !fileList.length) return false;
  var all = new DataTransfer();
  Array.prototype.forEach.call(input.files, function (f) { all.items.add(f); });
  Array.prototype.forEach.call(fileList, function (f) { all.items.add(f); });
  input.files = all.files;
  showChosenFiles(form);
  return true;
}

export function install() {
  document.addEventListener("change", function (evt) {
    if (evt.target.matches && evt.target.matches("#composer input[type=file]")) showChosenFiles(evt.target.form);
  });
  document.addEventListener("dragover", function (evt) {
    if (evt.target.closest && evt.target.closest("#composer")) evt.preventDefault();
  });
  document.addEventListener("drop", function (evt) {
    var form = evt.target.closest && evt.target.closest("#composer");
    if (form && addFiles(form, evt.dataTransfer && evt.dataTransfer.files)) evt.preventDefault();
  });
  document.addEventListener("paste", function (evt) {
    var form = evt.target.closest && evt.target.closest("#composer");
    if (form && evt.clipboardData && evt.clipboardData.files.length && addFiles(form, evt.clipboardData.files)) {
      evt.preventDefault();
    }
  });
}
