### Pishkhan — English texts.
### Tags allowed: <b> <i> <u> <code> <pre> <a href="">. Values are escaped by the program.

## General

language-name = English
welcome =
    Hello { $name }, welcome to <b>Pishkhan</b>, the front desk.
    Here you can file a complaint against an online business, check a business licence, and follow your cases.
    Choose one of the buttons below.
draft-waiting = You have an unfinished complaint; send /complaint to continue where you left off.
help =
    <b>Pishkhan help</b>
    /complaint — file a complaint against an online business
    /mycases — list my cases
    /track — follow a case by its tracking code, e.g. /track 12345-67890
    /receipt CODE — get the printable receipt of a case again
    /licence — check a business licence
    /renewal — licence renewal reminders for its holder
    /withdraw CODE — withdraw a complaint
    /object CODE — object to a decision
    /dispute CODE — complain about a certificate request
    /mydata — everything we hold about you
    /forget — erase your data
    /language — change the language
    /cancel — leave a form at any step
    /help — this help
cancelled = The form was cancelled and its answers deleted. You can start again at any time.
nothing-to-cancel = There is no open form to cancel.
language-choose = Choose a language:
language-set = From now on we will speak English with you.
unknown-command = I do not know this command. See the list with /help.
not-understood = Sorry, I did not understand. Please choose an option from the menu or send /help.
form-stale-button = This button is no longer active.

## Main menu

menu-complaint = 📝 File a complaint
menu-my-cases = 📂 My cases
menu-track = 🔎 Track a code
menu-licence = 🪪 Check a licence
menu-help = ❓ Help

## Buttons

button-share-contact = 📱 Share my mobile number
button-skip = Skip this step
button-no-order = There was no order
button-done = ✅ Done
button-confirm = ✅ Confirm and file
button-edit = ✏️ Edit
button-cancel = ✖️ Cancel
button-back = ↩️ Back
button-resume = Continue that complaint
button-restart = Start over
button-case-open = 📄 Open the case

## Answers of the form, for editing

field-business_name = Business name
field-website = Website or app
field-licence = Licence number
field-subject = Subject
field-description = Description
field-order_number = Order details
field-attachments = Attachments
field-province = Province
field-order_date = Order date
field-order_amount = Order amount
field-contact = Mobile number

## Complaint subjects

subject-guild_law = Violations under Chapter 8 of the Guild System Law
subject-online_business = Violations of Article 5 of the Article 87 bylaw (online businesses)
subject-network_marketing = Violations of Article 13 of the bylaw (network marketing)
subject-other = Other
# The same subjects as citizens say them, with everyday examples; the names above are for staff and reports.
subject-guild_law-plain = 🛒 Buying goods or a service
subject-guild_law-examples = goods never arrived, overcharged, not as described or pictured, faulty, refund refused, no invoice, no price shown.
subject-online_business-plain = 🌐 How an online shop behaves
subject-online_business-examples = shows no licence or union symbol, false information on the site, unclear terms of sale or delivery, returns refused.
subject-network_marketing-plain = 👥 Network or pyramid marketing
subject-network_marketing-examples = a fee to join, earnings only by recruiting others, pyramid or chain schemes.
subject-other-plain = 📝 Something else
subject-other-examples = any complaint that fits none of these.

## Case statuses

status-awaiting_review = Awaiting expert review
status-in_progress = In progress
status-referred_commission = Referred to the complaints commission
status-referred_supervision = Referred to the supervision committee
status-referred_judicial = Referred to judicial authorities (Taazirat)
status-voided = Voided
status-closed = Closed

## Values

value-not-set = not set
value-not-given = not given
value-not-yet = not given yet
value-not-in-letter = not in the letter
value-unknown = unknown
value-unnamed = unnamed
value-no-deadline = no deadline
value-no-step = no step under way
value-no-website = no website given
value-no-phone = no mobile given
value-nothing-listed = none
value-erased = erased at the complainant's request
amount-rials = { $amount } rials
amount-rials-tomans = { $rials } rials ({ $tomans } tomans)
list-and = { $first } and { $last }
list-comma = { $first }, { $next }
amount-free = Free (0 rials)
service-complaint = Complaint against an online business
platform-telegram = Telegram
platform-bale = Bale
platform-none = not on the desk yet

## Command menu

command-complaint = File a complaint
command-mycases = My cases
command-track = Track a code
command-receipt = Printable receipt of a case
command-licence = Check a licence
command-language = Change the language
command-cancel = Leave the form
command-help = Help
command-renewal = Licence renewal reminders
command-withdraw = Withdraw a complaint
command-object = Object to a decision
command-dispute = Complain about a certificate request
command-case = Open a case
command-status = Change a case's status
command-opinion = Record the commission's opinion
command-agree = Record the parties' agreement
command-refer = Register a referred complaint
command-assign = Assign a case
command-find = Search cases
command-cert = Certificate requests
command-stats = Statistics
command-export = Export cases
command-sla = Queue deadlines
command-holiday = Office closures
command-staff = The clerks' list
command-ban = Ban a user
command-unban = Lift a ban
command-mydata = My data
command-forget = Erase my data

## Answers that show nothing

input-empty = Your message is empty: invisible or formatting characters alone say nothing. Please write the text.
