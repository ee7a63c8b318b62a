amazon-a-to-z    Amazon: in claim op de A-tot-z-garantie, it bewiis nei de ferkeaper
                 tekst; PDF-bestannen, op syn heechst 10 MB per berjocht
                 https://sellercentral.amazon.com/help/hub/reference/external/G202041210
                 https://sellercentral.amazon.com/help/hub/reference/external/1781
                 https://sellercentral.amazon.com/help/hub/reference/external/200389080
amazon-messages  Amazon-berjocht oan de ferkeaper
                 tekst; PDF-bestannen, op syn heechst 10 MB per berjocht
                 https://sellercentral.amazon.com/help/hub/reference/external/1781
                 https://sellercentral.amazon.com/help/hub/reference/external/200389080
ebay             eBay: in probleem mei in bestelling, oan de ferkeaper
                 tekst; PDF-bestannen
paypal           PayPal: in skeel oer in betelling
                 tekst; PDF-bestannen
email            E-mail oan de ûntfanger
                 tekst; PDF-bestannen; in e-mail, klear om te ferstjoeren
post             Brief per post
                 in printe brief
uk-court-email   Rjochtbank yn Ingelân en Wales, per e-mail
                 PDF-bestannen, op syn heechst 10 MB per berjocht, op syn heechst 50 siden
                 https://www.justice.gov.uk/courts/procedure-rules/civil/rules/part05/pd_part05b
