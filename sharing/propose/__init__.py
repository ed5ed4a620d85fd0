"""The officer's journey to propose a case study: one question page, check
answers, and a confirmation. Officers sign in as they do to bid
(funding.officer_session); an officer of a signed council may propose."""
