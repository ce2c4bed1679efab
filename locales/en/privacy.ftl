### A person's own data, and flood control.

flood-slow-down = Your messages are arriving very fast; please wait a few seconds and send again.
mydata-caption = Everything the desk holds about you: { $cases } cases and { $requests } certificate requests, with their history and access records.
forget-open-cases = You have { $count } open cases that need your contact details. Once they are closed or withdrawn you can ask for erasure.
forget-confirm =
    If you confirm, your name, username, mobile number, language, unfinished forms, rating comments and the contact details on your closed cases are erased.
    The case records themselves (which the union must keep) and access records are kept until their six months end.
    Erase?
button-forget-yes = Yes, erase
forget-done = Your data has been erased.
