// Every fixed word a customer reads (outside the merchant's template): the choice links, the
// estimate's wording, the consent paragraph the law asks for and the wait-or-refund page, in each
// language Delay Desk writes. Written as a person would say it in that language, not word for
// word: French and German address the customer formally (vous, Sie), Spanish informally (tú), as
// shops usually do in each. Dates and money arrive already formatted for the customer's locale.
import type { CustomerLanguage } from "./language";

type Day = string;

export interface CustomerTexts {
  /** Who a customer without a first name is greeted as ("Hi there,"); "" drops the name. */
  anonymousName: string;
  yourItems: string;
  waitLabel: string;
  cancelLabel: string;
  /** Beside the links: how much a cancellation gives back. */
  refundsInFull: (total: string) => string;
  replyLine: string;
  /**
   * An order shipped in part (a split shipment, app/fulfillment/): what is on its way and what is
   * still coming, beside the template so every later notice says it.
   */
  partShipped: (shipped: string, coming: string) => string;
  estimate: {
    by: (day: Day) => string;
    between: (from: Day, to: Day) => string;
    within: (weeks: number, day: Day) => string;
    inWeeks: (from: number, to: number, day: Day) => string;
    pastText: (day: Day) => string;
    pastSentence: (day: Day) => string;
    todayText: (day: Day) => string;
    todaySentence: (day: Day) => string;
    /** The dates alone, as the wait-or-refund page repeats them. */
    range: (from: Day, to: Day) => string;
    on: (day: Day) => string;
  };
  consent: {
    silence: (day: Day) => string;
    yesReason: { long: string; indefinite: string; renewed: string };
    yes: (reason: string, waitLabel: string, deadline: Day, zone: string) => string;
    endContract: (missed: boolean, agreed: Day, waitLabel: string) => string;
  };
  page: {
    hello: (name: string | null) => string;
    cancelTitle: (order: string) => string;
    cancelBody: (order: string, total: string) => string;
    cancelButton: string;
    cancelKeep: string;
    waitTitle: string;
    waitBody: (order: string, estimate: string | null) => string;
    waitButton: string;
    cancelDoneTitle: (already: boolean) => string;
    cancelDoneBody: (already: boolean, order: string) => string;
    waitDoneTitle: (already: boolean) => string;
    waitDoneBody: (order: string) => string;
    somethingWrong: string;
    useTheButton: string;
    personWillHelp: string;
  };
}

const en: CustomerTexts = {
  anonymousName: "there",
  yourItems: "your items",
  waitLabel: "I'll wait",
  cancelLabel: "Cancel and refund me",
  refundsInFull: (total) => `Cancelling refunds the full ${total} to your original payment method.`,
  partShipped: (shipped, coming) =>
    `Part of your order is already on its way: ${shipped}. Still to come: ${coming}; the date in this email is for these.`,
  replyLine: "Just reply to this email if you have a question; it comes straight to me.",
  estimate: {
    by: (day) => `by ${day}`,
    between: (from, to) => `between ${from} and ${to}`,
    within: (weeks, day) => `within ${weeks} weeks (by ${day})`,
    inWeeks: (from, to, day) => `in ${from}–${to} weeks (by ${day})`,
    pastText: (day) => `by ${day}, a date that has passed`,
    pastSentence: (day) =>
      `We expected to ship it by ${day}, and that date has passed. I am sorry: I will write again as soon as I have a date I can stand behind.`,
    todayText: (day) => `today, ${day}`,
    todaySentence: (day) =>
      `It is due to leave our workshop today, ${day}, and I will write again if it does not.`,
    range: (from, to) => `between ${from} and ${to}`,
    on: (day) => `on ${day}`,
  },
  consent: {
    silence: (day) =>
      `If you are happy to wait until ${day}, you do not need to do anything: unless you tell us otherwise, we will take it that you agree to the new date.`,
    yesReason: {
      long: "this delay is longer than 30 days",
      indefinite: "we cannot give you a firm date",
      renewed: "this is a further delay after the date we gave you",
    },
    yes: (reason, wait, deadline, zone) =>
      `Because ${reason}, we need your yes to keep your order: please click "${wait}" by ${deadline} (${zone}). If we do not hear from you by then, we will cancel your order and refund you in full, shipping included.`,
    endContract: (missed, agreed, wait) =>
      `${missed ? "We have missed" : "We will miss"} the delivery date we agreed (${agreed}), so you are entitled to end your contract with us: one click below cancels the order and refunds you in full, shipping included. If you would rather wait, click "${wait}".`,
  },
  page: {
    hello: (name) => `Hi ${name ?? "there"},`,
    cancelTitle: (order) => `Cancel order ${order}?`,
    cancelBody: (order, total) =>
      `We will cancel order ${order} and refund the full ${total} to your original payment method. You will receive a confirmation by email.`,
    cancelButton: "Yes, cancel and refund me",
    cancelKeep: "Changed your mind? Just close this page: your order stays as it is.",
    waitTitle: "Thank you for waiting",
    waitBody: (order, estimate) =>
      `Please confirm that you are happy to wait for order ${order}${estimate ? `, which we expect to ship ${estimate}` : ""}.`,
    waitButton: "Yes, I'll wait",
    cancelDoneTitle: (already) =>
      already ? "Your order is already being cancelled" : "Your order is being cancelled",
    cancelDoneBody: (already, order) =>
      `${already ? "We already have your request" : "Thank you for letting us know"}: order ${order} will be cancelled and refunded in full. We are sorry we could not make it in time.`,
    waitDoneTitle: (already) =>
      already ? "We already have your answer" : "Thank you for your patience",
    waitDoneBody: (order) =>
      `We have noted that you will wait for order ${order}. We will write again if anything changes.`,
    somethingWrong: "Something went wrong",
    useTheButton: "Please use the button on the page.",
    personWillHelp: "Reply to the email we sent you and a person will sort it out.",
  },
};

const fr: CustomerTexts = {
  anonymousName: "",
  yourItems: "vos articles",
  waitLabel: "J’attendrai",
  cancelLabel: "Annuler et me rembourser",
  refundsInFull: (total) =>
    `En cas d’annulation, nous vous remboursons intégralement ${total} sur votre moyen de paiement d’origine.`,
  partShipped: (shipped, coming) =>
    `Une partie de votre commande est déjà en route : ${shipped}. Encore à venir : ${coming} ; la date indiquée dans cet e-mail concerne ces articles.`,
  replyLine: "Une question ? Répondez simplement à cet e-mail : il arrive directement chez moi.",
  estimate: {
    by: (day) => `d’ici le ${day}`,
    between: (from, to) => `entre le ${from} et le ${to}`,
    within: (weeks, day) => `d’ici ${weeks} semaines (au plus tard le ${day})`,
    inWeeks: (from, to, day) => `dans ${from} à ${to} semaines (au plus tard le ${day})`,
    pastText: (day) => `au plus tard le ${day}, une date aujourd’hui dépassée`,
    pastSentence: (day) =>
      `Nous pensions l’expédier au plus tard le ${day}, et cette date est dépassée. Toutes nos excuses : je vous écrirai dès que j’aurai une date sur laquelle je peux vraiment m’engager.`,
    todayText: (day) => `aujourd’hui, ${day}`,
    todaySentence: (day) =>
      `Elle doit quitter notre atelier aujourd’hui, ${day}, et je vous écrirai si ce n’est pas le cas.`,
    range: (from, to) => `entre le ${from} et le ${to}`,
    on: (day) => `le ${day}`,
  },
  consent: {
    silence: (day) =>
      `Si vous acceptez d’attendre jusqu’au ${day}, vous n’avez rien à faire : sauf avis contraire de votre part, nous considérerons que vous acceptez la nouvelle date.`,
    yesReason: {
      long: "ce retard dépasse 30 jours",
      indefinite: "nous ne pouvons pas vous donner de date ferme",
      renewed: "il s’agit d’un nouveau retard après la date que nous vous avions donnée",
    },
    yes: (reason, wait, deadline, zone) =>
      `Comme ${reason}, nous avons besoin de votre accord pour maintenir votre commande : cliquez sur « ${wait} » d’ici le ${deadline} (${zone}). Sans réponse de votre part d’ici là, nous annulerons votre commande et vous rembourserons intégralement, frais de port compris.`,
    endContract: (missed, agreed, wait) =>
      `${missed ? "Nous avons dépassé" : "Nous allons dépasser"} la date de livraison convenue (${agreed}) : vous avez donc le droit de mettre fin à votre contrat. Un clic ci-dessous annule la commande et vous rembourse intégralement, frais de port compris. Si vous préférez attendre, cliquez sur « ${wait} ».`,
  },
  page: {
    hello: (name) => (name ? `Bonjour ${name},` : "Bonjour,"),
    cancelTitle: (order) => `Annuler la commande ${order} ?`,
    cancelBody: (order, total) =>
      `Nous annulerons la commande ${order} et vous rembourserons l’intégralité de ${total} sur votre moyen de paiement d’origine. Vous recevrez une confirmation par e-mail.`,
    cancelButton: "Oui, annuler et me rembourser",
    cancelKeep:
      "Vous avez changé d’avis ? Fermez simplement cette page : votre commande reste telle quelle.",
    waitTitle: "Merci de votre patience",
    waitBody: (order, estimate) =>
      `Pouvez-vous confirmer que vous acceptez d’attendre la commande ${order}${estimate ? `, que nous prévoyons d’expédier ${estimate}` : ""} ?`,
    waitButton: "Oui, j’attendrai",
    cancelDoneTitle: (already) =>
      already ? "Votre commande est déjà en cours d’annulation" : "Votre commande va être annulée",
    cancelDoneBody: (already, order) =>
      `${already ? "Nous avons déjà votre demande" : "Merci de nous avoir prévenus"} : la commande ${order} sera annulée et intégralement remboursée. Nous sommes désolés de ne pas avoir pu la livrer à temps.`,
    waitDoneTitle: (already) =>
      already ? "Nous avons déjà votre réponse" : "Merci de votre patience",
    waitDoneBody: (order) =>
      `C’est noté : vous attendez la commande ${order}. Nous vous écrirons si quoi que ce soit change.`,
    somethingWrong: "Un problème est survenu",
    useTheButton: "Merci d’utiliser le bouton de la page.",
    personWillHelp: "Répondez à l’e-mail que nous vous avons envoyé : une personne s’en occupera.",
  },
};

const de: CustomerTexts = {
  anonymousName: "",
  yourItems: "Ihre Artikel",
  waitLabel: "Ich warte gern",
  cancelLabel: "Stornieren und Geld zurück",
  refundsInFull: (total) =>
    `Bei einer Stornierung erstatten wir Ihnen die vollen ${total} auf Ihr ursprüngliches Zahlungsmittel.`,
  partShipped: (shipped, coming) =>
    `Ein Teil Ihrer Bestellung ist bereits unterwegs: ${shipped}. Noch ausstehend: ${coming}; das Datum in dieser E-Mail gilt für diese Artikel.`,
  replyLine:
    "Haben Sie eine Frage? Antworten Sie einfach auf diese E-Mail – sie kommt direkt bei mir an.",
  estimate: {
    by: (day) => `bis ${day}`,
    between: (from, to) => `zwischen ${from} und ${to}`,
    within: (weeks, day) => `innerhalb von ${weeks} Wochen (spätestens ${day})`,
    inWeeks: (from, to, day) => `in ${from}–${to} Wochen (spätestens ${day})`,
    pastText: (day) => `bis ${day} – ein Datum, das bereits verstrichen ist`,
    pastSentence: (day) =>
      `Wir wollten sie bis ${day} versenden, und dieses Datum ist verstrichen. Das tut mir leid: Ich melde mich, sobald ich ein Datum nennen kann, zu dem ich wirklich stehe.`,
    todayText: (day) => `heute, ${day}`,
    todaySentence: (day) =>
      `Sie soll heute, ${day}, unsere Werkstatt verlassen, und ich melde mich, falls das nicht klappt.`,
    range: (from, to) => `zwischen ${from} und ${to}`,
    on: (day) => `am ${day}`,
  },
  consent: {
    silence: (day) =>
      `Wenn Sie bis ${day} warten möchten, müssen Sie nichts tun: Sofern Sie uns nichts anderes mitteilen, gehen wir davon aus, dass Sie mit dem neuen Termin einverstanden sind.`,
    yesReason: {
      long: "sich die Lieferung um mehr als 30 Tage verzögert",
      indefinite: "wir Ihnen keinen festen Termin nennen können",
      renewed: "sich die Lieferung über den genannten Termin hinaus erneut verzögert",
    },
    yes: (reason, wait, deadline, zone) =>
      `Da ${reason}, brauchen wir Ihre Zustimmung, um Ihre Bestellung aufrechtzuerhalten: Bitte klicken Sie bis ${deadline} (${zone}) auf „${wait}“. Wenn wir bis dahin nichts von Ihnen hören, stornieren wir Ihre Bestellung und erstatten Ihnen den vollen Betrag, Versand inbegriffen.`,
    endContract: (missed, agreed, wait) =>
      `${missed ? "Wir haben den vereinbarten Liefertermin" : "Wir werden den vereinbarten Liefertermin"} (${agreed}) ${missed ? "nicht eingehalten" : "nicht einhalten"}, daher können Sie vom Vertrag zurücktreten: Ein Klick unten storniert die Bestellung und erstattet Ihnen den vollen Betrag, Versand inbegriffen. Wenn Sie lieber warten möchten, klicken Sie auf „${wait}“.`,
  },
  page: {
    hello: (name) => (name ? `Hallo ${name},` : "Guten Tag,"),
    cancelTitle: (order) => `Bestellung ${order} stornieren?`,
    cancelBody: (order, total) =>
      `Wir stornieren die Bestellung ${order} und erstatten Ihnen die vollen ${total} auf Ihr ursprüngliches Zahlungsmittel. Sie erhalten eine Bestätigung per E-Mail.`,
    cancelButton: "Ja, stornieren und Geld zurück",
    cancelKeep:
      "Doch anders entschieden? Schließen Sie einfach diese Seite: Ihre Bestellung bleibt, wie sie ist.",
    waitTitle: "Danke, dass Sie warten",
    waitBody: (order, estimate) =>
      `Bitte bestätigen Sie, dass Sie auf die Bestellung ${order} warten möchten${estimate ? `, die wir voraussichtlich ${estimate} versenden` : ""}.`,
    waitButton: "Ja, ich warte gern",
    cancelDoneTitle: (already) =>
      already ? "Ihre Bestellung wird bereits storniert" : "Ihre Bestellung wird storniert",
    cancelDoneBody: (already, order) =>
      `${already ? "Ihre Anfrage liegt uns bereits vor" : "Danke für Ihre Nachricht"}: Die Bestellung ${order} wird storniert und vollständig erstattet. Es tut uns leid, dass wir es nicht rechtzeitig geschafft haben.`,
    waitDoneTitle: (already) =>
      already ? "Ihre Antwort liegt uns bereits vor" : "Danke für Ihre Geduld",
    waitDoneBody: (order) =>
      `Wir haben notiert, dass Sie auf die Bestellung ${order} warten. Wir melden uns, falls sich etwas ändert.`,
    somethingWrong: "Etwas ist schiefgelaufen",
    useTheButton: "Bitte verwenden Sie die Schaltfläche auf der Seite.",
    personWillHelp:
      "Antworten Sie auf die E-Mail, die wir Ihnen geschickt haben, und ein Mensch kümmert sich darum.",
  },
};

const es: CustomerTexts = {
  anonymousName: "",
  yourItems: "tus artículos",
  waitLabel: "Esperaré",
  cancelLabel: "Cancelar y reembolsarme",
  refundsInFull: (total) =>
    `Si cancelas, te devolvemos los ${total} íntegros en tu método de pago original.`,
  partShipped: (shipped, coming) =>
    `Parte de tu pedido ya está en camino: ${shipped}. Aún por llegar: ${coming}; la fecha de este correo es para estos artículos.`,
  replyLine: "Si tienes alguna pregunta, responde a este correo: me llega directamente a mí.",
  estimate: {
    by: (day) => `a más tardar el ${day}`,
    between: (from, to) => `entre el ${from} y el ${to}`,
    within: (weeks, day) => `en un plazo de ${weeks} semanas (a más tardar el ${day})`,
    inWeeks: (from, to, day) => `dentro de ${from} a ${to} semanas (a más tardar el ${day})`,
    pastText: (day) => `a más tardar el ${day}, una fecha que ya ha pasado`,
    pastSentence: (day) =>
      `Esperábamos enviarlo a más tardar el ${day} y esa fecha ya ha pasado. Lo siento mucho: te escribiré en cuanto tenga una fecha que pueda garantizarte.`,
    todayText: (day) => `hoy, ${day}`,
    todaySentence: (day) =>
      `Tiene que salir de nuestro taller hoy, ${day}, y te escribiré si no es así.`,
    range: (from, to) => `entre el ${from} y el ${to}`,
    on: (day) => `el ${day}`,
  },
  consent: {
    silence: (day) =>
      `Si te parece bien esperar hasta el ${day}, no tienes que hacer nada: salvo que nos digas lo contrario, entenderemos que aceptas la nueva fecha.`,
    yesReason: {
      long: "este retraso supera los 30 días",
      indefinite: "no podemos darte una fecha firme",
      renewed: "se trata de un nuevo retraso respecto a la fecha que te dimos",
    },
    yes: (reason, wait, deadline, zone) =>
      `Como ${reason}, necesitamos tu confirmación para mantener tu pedido: haz clic en «${wait}» a más tardar el ${deadline} (${zone}). Si no sabemos nada de ti para entonces, cancelaremos tu pedido y te devolveremos el importe íntegro, envío incluido.`,
    endContract: (missed, agreed, wait) =>
      `${missed ? "No hemos cumplido" : "No vamos a cumplir"} la fecha de entrega acordada (${agreed}), así que tienes derecho a resolver el contrato: un clic abajo cancela el pedido y te devuelve el importe íntegro, envío incluido. Si prefieres esperar, haz clic en «${wait}».`,
  },
  page: {
    hello: (name) => (name ? `Hola, ${name}:` : "Hola:"),
    cancelTitle: (order) => `¿Cancelar el pedido ${order}?`,
    cancelBody: (order, total) =>
      `Cancelaremos el pedido ${order} y te devolveremos los ${total} íntegros en tu método de pago original. Recibirás una confirmación por correo.`,
    cancelButton: "Sí, cancelar y reembolsarme",
    cancelKeep: "¿Has cambiado de idea? Cierra esta página sin más: tu pedido sigue como está.",
    waitTitle: "Gracias por esperar",
    waitBody: (order, estimate) =>
      `Confírmanos que te parece bien esperar el pedido ${order}${estimate ? `, que calculamos enviar ${estimate}` : ""}.`,
    waitButton: "Sí, esperaré",
    cancelDoneTitle: (already) =>
      already ? "Tu pedido ya se está cancelando" : "Vamos a cancelar tu pedido",
    cancelDoneBody: (already, order) =>
      `${already ? "Ya tenemos tu solicitud" : "Gracias por avisarnos"}: cancelaremos el pedido ${order} y te lo reembolsaremos íntegramente. Sentimos mucho no haber llegado a tiempo.`,
    waitDoneTitle: (already) => (already ? "Ya tenemos tu respuesta" : "Gracias por tu paciencia"),
    waitDoneBody: (order) =>
      `Hemos anotado que esperarás el pedido ${order}. Te escribiremos si cambia algo.`,
    somethingWrong: "Algo ha salido mal",
    useTheButton: "Usa el botón de la página, por favor.",
    personWillHelp: "Responde al correo que te enviamos y una persona se encargará.",
  },
};

export const CUSTOMER_TEXTS: Record<CustomerLanguage, CustomerTexts> = { en, fr, de, es };

export function customerTexts(language: CustomerLanguage): CustomerTexts {
  return CUSTOMER_TEXTS[language];
}
