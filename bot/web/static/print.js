// The print button of the kitchen sheet's A4 view (a file, not inline: the console's content
// security policy allows only its own scripts).
document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("[data-print]")) {
    button.addEventListener("click", () => window.print());
  }
});
