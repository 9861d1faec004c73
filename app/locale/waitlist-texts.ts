// The words of the waitlist (app/waitlist): the consent sentence the banner shows beside its box,
// the page the shopper sees after the form, the one mail on reopening and the unsubscribe page,
// in each language the storefront has (extensions/delay-desk-theme/locales). The consent sentence
// is what we record as agreed to, so it must be the banner's own words: waitlist-texts.test.ts
// compares it with the theme's locale files.
import { customerLocale, type CustomerLanguage } from "./language";

export interface WaitlistTexts {
  /** Beside the box the shopper ticks; recorded with the signup as what they agreed to. */
  consent: string;
  joinedTitle: string;
  joinedBody: string;
  notPausedTitle: string;
  notPausedBody: string;
  /** The merchant turned the waitlist off (app/routes/proxy.waitlist.tsx answers 404). */
  closedTitle: string;
  closedBody: string;
  badEmailTitle: string;
  badEmailBody: string;
  noConsentTitle: string;
  noConsentBody: string;
  back: string;
  mail: {
    subject: (shopName: string) => string;
    body: (shopName: string) => string;
    visit: string;
    why: string;
    unsubscribe: string;
  };
  unsubscribe: {
    confirmTitle: string;
    confirmBody: string;
    button: string;
    doneTitle: string;
    doneBody: string;
  };
}

const en: WaitlistTexts = {
  consent: "Email me once when the shop reopens. I can unsubscribe with one click.",
  joinedTitle: "You're on the list",
  joinedBody:
    "We'll email you once when we reopen. That's the only email you'll get from this list.",
  notPausedTitle: "We're open",
  notPausedBody: "The shop is taking orders again, so there is no list to join.",
  closedTitle: "This shop is not taking waitlist sign-ups",
  closedBody: "Nothing was saved. Check the shop again later.",
  badEmailTitle: "That email address doesn't look right",
  badEmailBody: "Go back and check the address you typed.",
  noConsentTitle: "Tick the box first",
  noConsentBody: "Tick the box to say we may email you, then send the form again.",
  back: "Back to the shop",
  mail: {
    subject: (shop) => `${shop} is open again`,
    body: (shop) => `You asked us to tell you when ${shop} reopened: we're taking orders again.`,
    visit: "Visit the shop",
    why: "You're getting this one email because you joined the waitlist while the shop was paused.",
    unsubscribe: "Unsubscribe",
  },
  unsubscribe: {
    confirmTitle: "Unsubscribe from the waitlist?",
    confirmBody: "You won't get the email about the shop reopening.",
    button: "Unsubscribe",
    doneTitle: "You're unsubscribed",
    doneBody: "You won't get any email from this waitlist.",
  },
};

const fr: WaitlistTexts = {
  consent: "M’écrire une fois à la réouverture de la boutique. Je peux me désabonner en un clic.",
  joinedTitle: "Vous êtes sur la liste",
  joinedBody:
    "Nous vous écrirons une fois à notre réouverture. C’est le seul e-mail que vous recevrez de cette liste.",
  notPausedTitle: "Nous sommes ouverts",
  notPausedBody: "La boutique prend de nouveau des commandes : il n’y a pas de liste à rejoindre.",
  closedTitle: "Cette boutique ne prend pas d’inscriptions sur liste d’attente",
  closedBody: "Rien n’a été enregistré. Revenez voir la boutique plus tard.",
  badEmailTitle: "Cette adresse e-mail semble incorrecte",
  badEmailBody: "Revenez en arrière et vérifiez l’adresse saisie.",
  noConsentTitle: "Cochez d’abord la case",
  noConsentBody: "Cochez la case pour nous autoriser à vous écrire, puis renvoyez le formulaire.",
  back: "Retour à la boutique",
  mail: {
    subject: (shop) => `${shop} a rouvert`,
    body: (shop) =>
      `Vous nous avez demandé de vous prévenir de la réouverture de ${shop} : nous prenons de nouveau des commandes.`,
    visit: "Voir la boutique",
    why: "Vous recevez cet unique e-mail car vous vous êtes inscrit à la liste d’attente pendant la pause de la boutique.",
    unsubscribe: "Se désabonner",
  },
  unsubscribe: {
    confirmTitle: "Se désabonner de la liste d’attente ?",
    confirmBody: "Vous ne recevrez pas l’e-mail annonçant la réouverture.",
    button: "Se désabonner",
    doneTitle: "Vous êtes désabonné",
    doneBody: "Vous ne recevrez aucun e-mail de cette liste d’attente.",
  },
};

const de: WaitlistTexts = {
  consent:
    "Schreiben Sie mir einmal, wenn der Shop wieder öffnet. Ich kann mich mit einem Klick abmelden.",
  joinedTitle: "Sie stehen auf der Liste",
  joinedBody:
    "Wir schreiben Ihnen einmal, wenn wir wieder öffnen. Das ist die einzige E-Mail von dieser Liste.",
  notPausedTitle: "Wir haben geöffnet",
  notPausedBody: "Der Shop nimmt wieder Bestellungen an, es gibt keine Liste.",
  closedTitle: "Dieser Shop nimmt keine Anmeldungen für die Warteliste an",
  closedBody: "Es wurde nichts gespeichert. Schauen Sie später wieder im Shop vorbei.",
  badEmailTitle: "Diese E-Mail-Adresse scheint nicht zu stimmen",
  badEmailBody: "Gehen Sie zurück und prüfen Sie die Adresse.",
  noConsentTitle: "Bitte zuerst das Häkchen setzen",
  noConsentBody: "Setzen Sie das Häkchen, damit wir Ihnen schreiben dürfen, und senden Sie erneut.",
  back: "Zurück zum Shop",
  mail: {
    subject: (shop) => `${shop} hat wieder geöffnet`,
    body: (shop) =>
      `Sie wollten wissen, wann ${shop} wieder öffnet: Wir nehmen wieder Bestellungen an.`,
    visit: "Zum Shop",
    why: "Sie erhalten diese eine E-Mail, weil Sie sich während der Pause des Shops in die Warteliste eingetragen haben.",
    unsubscribe: "Abmelden",
  },
  unsubscribe: {
    confirmTitle: "Von der Warteliste abmelden?",
    confirmBody: "Sie erhalten dann keine E-Mail zur Wiedereröffnung.",
    button: "Abmelden",
    doneTitle: "Sie sind abgemeldet",
    doneBody: "Sie erhalten keine E-Mail von dieser Warteliste.",
  },
};

const es: WaitlistTexts = {
  consent: "Escríbeme una vez cuando la tienda vuelva a abrir. Puedo darme de baja con un clic.",
  joinedTitle: "Estás en la lista",
  joinedBody:
    "Te escribiremos una vez cuando volvamos a abrir. Es el único correo que recibirás de esta lista.",
  notPausedTitle: "Estamos abiertos",
  notPausedBody: "La tienda vuelve a aceptar pedidos, así que no hay lista a la que unirse.",
  closedTitle: "Esta tienda no acepta inscripciones en la lista de espera",
  closedBody: "No se ha guardado nada. Vuelve a visitar la tienda más tarde.",
  badEmailTitle: "Esa dirección de correo no parece correcta",
  badEmailBody: "Vuelve atrás y revisa la dirección que escribiste.",
  noConsentTitle: "Marca primero la casilla",
  noConsentBody: "Marca la casilla para permitirnos escribirte y vuelve a enviar el formulario.",
  back: "Volver a la tienda",
  mail: {
    subject: (shop) => `${shop} vuelve a estar abierta`,
    body: (shop) =>
      `Nos pediste que te avisáramos cuando ${shop} volviera a abrir: ya aceptamos pedidos de nuevo.`,
    visit: "Ir a la tienda",
    why: "Recibes este único correo porque te uniste a la lista de espera mientras la tienda estaba en pausa.",
    unsubscribe: "Darme de baja",
  },
  unsubscribe: {
    confirmTitle: "¿Darte de baja de la lista de espera?",
    confirmBody: "No recibirás el correo sobre la reapertura.",
    button: "Darme de baja",
    doneTitle: "Te has dado de baja",
    doneBody: "No recibirás ningún correo de esta lista de espera.",
  },
};

export const WAITLIST_TEXTS: Record<CustomerLanguage, WaitlistTexts> = { en, fr, de, es };

/** The texts for a storefront locale ("fr", "fr-CA"), English for any other. */
export function waitlistTexts(locale: string | null | undefined): {
  language: CustomerLanguage;
  texts: WaitlistTexts;
} {
  const { language } = customerLocale(locale ?? null, null);
  return { language, texts: WAITLIST_TEXTS[language] };
}
