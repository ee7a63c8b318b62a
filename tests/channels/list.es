amazon-a-to-z    Reclamación de la Garantía de la A a la Z de Amazon, las pruebas al vendedor
                 texto; archivos PDF, 10 MB como máximo por mensaje
                 https://sellercentral.amazon.com/help/hub/reference/external/G202041210
                 https://sellercentral.amazon.com/help/hub/reference/external/1781
                 https://sellercentral.amazon.com/help/hub/reference/external/200389080
amazon-messages  Mensaje de Amazon al vendedor
                 texto; archivos PDF, 10 MB como máximo por mensaje
                 https://sellercentral.amazon.com/help/hub/reference/external/1781
                 https://sellercentral.amazon.com/help/hub/reference/external/200389080
ebay             eBay: un problema con un pedido, al vendedor
                 texto; archivos PDF
paypal           PayPal: una disputa en el Centro de resoluciones
                 texto; archivos PDF
email            Correo electrónico al destinatario
                 texto; archivos PDF; un correo electrónico listo para enviar
post             Carta por correo postal
                 una carta impresa
uk-court-email   Tribunal de Inglaterra y Gales, por correo electrónico
                 archivos PDF, 10 MB como máximo por mensaje, 50 páginas como máximo
                 https://www.justice.gov.uk/courts/procedure-rules/civil/rules/part05/pd_part05b
