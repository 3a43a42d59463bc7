### GFCE Hub, English — Mail the platform sends.

mail-welcome-subject = Your GFCE Hub account
mail-welcome-body =
    Hello,

    An account on GFCE Hub, the platform of the Global Forum on Cyber Expertise, has been created for { $email }. Sign in here:

    { $link }

    If you did not create it, someone else gave your address. Choose a new password with "Forgot your password?" on the sign-in page, and tell the GFCE secretariat.

    GFCE Hub
mail-already-registered-subject = Someone tried to register your address on GFCE Hub
mail-already-registered-body =
    Hello,

    Someone asked to create an account on GFCE Hub for { $email }, but this address has an account already, so nothing was changed.

    If it was you and you have forgotten your password, choose a new one here:

    { $link }

    If it was not you, you need do nothing.

    GFCE Hub
mail-reset-subject = Choose a new GFCE Hub password
mail-reset-body =
    Hello,

    Someone asked to reset the password of the GFCE Hub account { $email }. To choose a new password, open this link within one hour:

    { $link }

    The link works once. Using it signs out every session of your account.

    If you did not ask for this, ignore this message: your password stays as it is.

    GFCE Hub
mail-application-received-subject = Your application to join the GFCE
mail-application-received-body =
    Hello,

    Thank you for your organisation's application to join the Global Forum on Cyber Expertise. The GFCE secretariat will read it and write to you at this address once it has decided.

    If you did not send this application, please tell the GFCE secretariat.

    GFCE Hub
mail-application-approved-subject = Welcome to the GFCE
mail-application-approved-body =
    Hello,

    The GFCE secretariat has approved the application of { $organisation }: it is now listed among the members and partners of the GFCE, and this address is its representative on GFCE Hub.

    You can sign in here:

    { $link }

    GFCE Hub
mail-application-account-subject = Choose the password of your GFCE Hub account
mail-application-account-body =
    Hello,

    The GFCE Hub account { $email } now represents { $organisation }. To choose its password, open this link within seven days:

    { $link }

    Until then the account cannot be signed in to: the link proves that this mailbox is yours. It works once; if it has expired, ask for a new one with "Forgot your password?" on the sign-in page.

    GFCE Hub
mail-application-rejected-subject = Your application to join the GFCE
mail-application-rejected-body =
    Hello,

    The GFCE secretariat has considered the application of { $organisation } and cannot accept it, for this reason:

    { $reason }

    You may write to the secretariat with any question, or apply again later.

    GFCE Hub
