/* The "Print this page" button. The page ships it hidden, so without
   JavaScript no one meets a button that does nothing; here it is shown and
   opens the browser's print dialog (print.css decides what goes on paper). */
document.querySelectorAll("[data-print-button]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () {
    window.print();
  });
});
