console.log('tour')
