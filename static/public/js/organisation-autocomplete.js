// Turns a list of organisations (a <select data-app-autocomplete>) into GOV.UK's
// accessible autocomplete: type part of a name, choose from the matches.
// Without JavaScript (or if the autocomplete script did not load) the plain
// <select>, and any search form beside it, still work.
const autocomplete = window.accessibleAutocomplete;

function enhanceSignUpPage() {
  // The search form is for browsers without JavaScript; the autocomplete does its job.
  const search = document.querySelector(".app-organisation-search");
  if (search) {
    search.hidden = true;
  }
  const label = document.querySelector("label[for='organisation']");
  if (label) {
    label.textContent = "Start typing the name of your organisation";
  }
  const hint = document.getElementById("organisation-hint");
  if (hint) {
    hint.textContent = "Then choose it from the list of matches.";
  }
}

if (autocomplete) {
  for (const select of document.querySelectorAll("select[data-app-autocomplete]")) {
    const noResults = select.dataset.appNoResults || "No organisations match";
    autocomplete.enhanceSelectElement({
      selectElement: select,
      defaultValue: "",
      minLength: 2,
      showAllValues: false,
      tNoResults: () => noResults,
    });
    if (select.dataset.appAutocomplete === "organisation") {
      enhanceSignUpPage();
    }
  }
}
