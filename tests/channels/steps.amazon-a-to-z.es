Para amazon-a-to-z: claim.txt y claim.pdf
1. En Mis pedidos de Amazon, abra el pedido e inicie una reclamación de la Garantía de la A a la Z. Pegue el texto de claim.txt en el cuadro de texto de la reclamación: el formulario no admite archivos.
2. Envíe claim.pdf al vendedor en un mensaje sobre el pedido (los mensajes entre comprador y vendedor de Amazon): un mensaje admite archivos de hasta 10 MB.
