### The two-way relay between a case's thread in its staff chat and the citizen.

## The case's thread in the staff chat

relay-topic-title = { $code } · { $subject } · { $status }
relay-to-staff =
    💬 <b>پیام شاکی</b> — <code>{ $code }</code>
    { $body }
relay-file-only = (فایل پیوست)
relay-sent-to-citizen = ✅ برای شاکی پرونده <code>{ $code }</code> فرستاده شد.
event-replied = پاسخ کارشناس به شاکی
event-wrote = پیام شاکی

## The citizen's side

relay-to-citizen =
    💬 <b>پاسخ کارشناس پیشخوان درباره پرونده</b> <code>{ $code }</code>
    { $body }
relay-sent-to-desk = پیام شما درباره پرونده <code>{ $code }</code> به کارشناس رسید.
relay-which-case = چند پرونده باز دارید؛ این پیام درباره کدام پرونده است؟
relay-case-button = { $code } — { $business }
relay-ended-offer =
    پرونده <code>{ $code }</code> در وضعیت «{ $status }» است و پیام شما هنوز به کارشناس فرستاده نشده.
    اگر بخواهید، یکی از این کارها را انجام دهید (با اعتراض یا بازگشایی، پیامتان هم به کارشناس می‌رسد):
relay-offer-object = اعتراض به تصمیم
relay-offer-reopen = بازگشایی پرونده
relay-offer-new = ثبت شکایت تازه درباره همین کسب‌وکار
relay-file-too-large = این فایل بزرگ‌تر از ۲۰ مگابایت است و فرستاده نمی‌شود؛ لطفاً فایل کوچک‌تری بفرستید.
