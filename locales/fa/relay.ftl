### The two-way relay between a case's thread in its staff chat and the citizen.

## The case's thread in the staff chat

relay-topic-title = { $code } · { $subject } · { $status }
relay-to-staff =
    💬 <b>پیام شاکی</b> — <code>{ $code }</code>
    { $body }
relay-file-only = (فایل پیوست)
relay-sent-to-citizen = ✅ برای شاکی پرونده <code>{ $code }</code> فرستاده شد.
relay-complainant-absent = شاکی این پرونده هنوز در پیشخوان نیست (شماره همراه نامه را تأیید نکرده است)؛ پیام به او فرستاده نشد.
relay-staff-case-ended = 🔒 <b>پرونده بسته است</b> — وضعیت: «{ $status }» (از { $since })
relay-staff-case-ended-undated = 🔒 <b>پرونده بسته است</b> — وضعیت: «{ $status }»
relay-undelivered =
    ⚠️ <b>پیام به شاکی نرسید</b> — <code>{ $code }</code>
    { $reason } این پیام دوباره فرستاده نمی‌شود.
relay-unreachable-blocked = شاکی ربات را مسدود کرده است.
relay-unreachable-gone = حساب کاربری شاکی دیگر در دسترس نیست.
event-replied = پاسخ کارشناس به شاکی
event-wrote = پیام شاکی
event-unreachable_blocked = پیام کارشناس نرسید: شاکی ربات را مسدود کرده است
event-unreachable_gone = پیام کارشناس نرسید: حساب شاکی در دسترس نیست

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
relay-sent-after-end =
    پیام شما درباره پرونده <code>{ $code }</code> به کارشناس پیشخوان رسید؛ سپاس از شما.
    این پرونده در وضعیت «{ $status }» است و رسیدگی به آن پایان یافته؛ این پیام پرونده را دوباره باز نمی‌کند.
    اگر بخواهید، می‌توانید یکی از این کارها را انجام دهید:
relay-offer-object = اعتراض به تصمیم
relay-offer-reopen = بازگشایی پرونده
relay-offer-new = ثبت شکایت تازه درباره همین کسب‌وکار
relay-file-too-large = این فایل بزرگ‌تر از ۲۰ مگابایت است و فرستاده نمی‌شود؛ لطفاً فایل کوچک‌تری بفرستید.
relay-not-carried = این نوع پیام به شاکی فرستاده نمی‌شود؛ متن، عکس یا فایل بفرستید.
