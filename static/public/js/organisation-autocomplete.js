// Turns the sign-up journey's list of organisations into GOV.UK's accessible
// autocomplete: type part of a name, choose from the matches. Without
// JavaScript (or if the autocomplete script did not load) the plain <select>
// and the search form above it still work.
const select = document.querySelector("select[data-app-autocomplete='organisation']");
const autocomplete = window.accessibleAutocomplete;

if (select && autocomplete) {
  autocomplete.enhanceSelectElement({
    selectElement: select,
    defaultValue: "",
    minLength: 2,
    showAllValues: false,
    tNoResults: () => "No organisations match: use ‘My organisation is not listed’",
  });
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
